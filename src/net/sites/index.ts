/** The default set of simulated external sites. */
import { Internet } from '../internet.js';
import { exampleSite } from './example.js';
import { googleSites } from './google.js';
import { mirrorSites } from './mirrors.js';
import { rtfmSite } from './rtfm.js';

export { RTFM_IP, RTFM_TITLE, RTFM_HOME_HTML } from './rtfm.js';
export { EXAMPLE_HTML } from './example.js';

export function defaultInternet(): Internet {
  const net = new Internet();
  net.register(rtfmSite());
  net.register(exampleSite());
  for (const s of mirrorSites()) net.register(s);
  for (const s of googleSites()) net.register(s);
  return net;
}
