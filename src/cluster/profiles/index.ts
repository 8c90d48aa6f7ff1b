/** Cluster profiles by id. */
import type { ClusterProfile } from '../profile.js';
import { eksArticleProfile } from './eks-article.js';
import { kindProfile } from './kind.js';

export const profiles: Readonly<Record<string, ClusterProfile>> = {
  [kindProfile.id]: kindProfile,
  [eksArticleProfile.id]: eksArticleProfile,
};

export const DEFAULT_PROFILE = kindProfile.id;

export function getProfile(id: string = DEFAULT_PROFILE): ClusterProfile {
  const p = profiles[id];
  if (!p) throw new Error(`unknown cluster profile "${id}" (known: ${Object.keys(profiles).join(', ')})`);
  return structuredClone(p);
}

export { eksArticleProfile, kindProfile };
