/** networking.k8s.io/v1 Ingress: the checks people trip on (pkg/apis/networking/validation). */
import { fe, type FieldError } from '../errors.js';
import type { KubeObject } from '../types.js';
import { isObject } from '../util.js';
import { isDNS1123Subdomain, isValidPortNum } from '../validation.js';
import type { Admission } from './types.js';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateBackend(b: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(b)) return [fe.required(path)];
  const svc = isObject(b.service) ? b.service : undefined;
  if (svc && b.resource !== undefined) errs.push(fe.invalid(path, '', 'cannot set both resource and service backends'));
  if (!svc && b.resource === undefined) errs.push(fe.invalid(path, '', 'resource or service backend is required'));
  if (svc) {
    if (!svc.name) errs.push(fe.required(`${path}.service.name`));
    const port = isObject(svc.port) ? svc.port : {};
    if (port.name === undefined && port.number === undefined) errs.push(fe.required(`${path}.service.port`, 'port name or number is required'));
    if (port.name !== undefined && port.number !== undefined) errs.push(fe.invalid(`${path}.service.port`, '', 'cannot set both port name & port number'));
    if (typeof port.number === 'number') for (const m of isValidPortNum(port.number)) errs.push(fe.invalid(`${path}.service.port.number`, port.number, m));
  }
  return errs;
}

export const ingressAdmission: Admission = {
  validate(o: KubeObject) {
    const errs: FieldError[] = [];
    const spec = isObject(o.spec) ? o.spec : {};
    if (spec.defaultBackend !== undefined) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
    const rules = Array.isArray(spec.rules) ? spec.rules : [];
    if (rules.length === 0 && spec.defaultBackend === undefined) errs.push(fe.invalid('spec.rules', [], 'either `defaultBackend` or `rules` must be specified'));
    rules.forEach((r, i) => {
      if (!isObject(r)) return;
      const p = `spec.rules[${i}]`;
      if (typeof r.host === 'string' && r.host !== '') {
        const host = r.host.startsWith('*.') ? r.host.slice(2) : r.host;
        for (const m of isDNS1123Subdomain(host)) errs.push(fe.invalid(`${p}.host`, r.host, m));
      }
      const http = isObject(r.http) ? r.http : undefined;
      if (!http) return;
      const paths = Array.isArray(http.paths) ? http.paths : [];
      if (paths.length === 0) errs.push(fe.required(`${p}.http.paths`));
      paths.forEach((hp, j) => {
        if (!isObject(hp)) return;
        const q = `${p}.http.paths[${j}]`;
        if (hp.pathType === undefined || hp.pathType === '') errs.push(fe.required(`${q}.pathType`, 'pathType must be specified'));
        else if (!PATH_TYPES.includes(String(hp.pathType))) errs.push(fe.notSupported(`${q}.pathType`, hp.pathType, PATH_TYPES));
        if (typeof hp.path === 'string' && hp.path !== '' && !hp.path.startsWith('/')) errs.push(fe.invalid(`${q}.path`, hp.path, 'must be an absolute path'));
        if ((hp.pathType === 'Exact' || hp.pathType === 'Prefix') && (hp.path === undefined || hp.path === '')) errs.push(fe.invalid(`${q}.path`, '', 'must be an absolute path'));
        errs.push(...validateBackend(hp.backend, `${q}.backend`));
      });
    });
    return errs;
  },
};
