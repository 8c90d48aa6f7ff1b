/**
 * The server-side Table model (meta.k8s.io/v1 Table): kube-apiserver builds these cells
 * (pkg/printers/internalversion/printers.go); our API has no Table endpoint, so kubectl builds
 * them from the objects with the same rules. Ages use the caller's virtual now.
 */
import type { KubeObject } from '../../cluster/api/types.js';

export interface TableColumn { name: string; /** 1 = only with -o wide */ priority: 0 | 1 }
export interface TableRow { cells: string[]; object: KubeObject }
export interface Table { columns: TableColumn[]; rows: TableRow[] }

export interface TablePrinter { columns: TableColumn[]; row(obj: KubeObject, now: number): string[] }

export const col = (name: string, priority: 0 | 1 = 0): TableColumn => ({ name, priority });
export const NAME = col('Name');
export const AGE = col('Age');
