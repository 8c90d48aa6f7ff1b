// Input for the schema generator: one named type per kind in scope, so the generated JSON Schema
// has a definition per kind (tools/gen-k8s-schema.mjs). Not part of the app.
import type * as core from 'kubernetes-types/core/v1';
import type * as apps from 'kubernetes-types/apps/v1';
import type * as batch from 'kubernetes-types/batch/v1';
import type * as discovery from 'kubernetes-types/discovery/v1';
import type * as networking from 'kubernetes-types/networking/v1';

export type Namespace = core.Namespace;
export type Node = core.Node;
export type Pod = core.Pod;
export type Service = core.Service;
export type Endpoints = core.Endpoints;
export type Event = core.Event;
export type ConfigMap = core.ConfigMap;
export type Secret = core.Secret;
export type ServiceAccount = core.ServiceAccount;
export type Deployment = apps.Deployment;
export type ReplicaSet = apps.ReplicaSet;
export type StatefulSet = apps.StatefulSet;
export type DaemonSet = apps.DaemonSet;
export type Job = batch.Job;
export type CronJob = batch.CronJob;
export type EndpointSlice = discovery.EndpointSlice;
export type Ingress = networking.Ingress;
