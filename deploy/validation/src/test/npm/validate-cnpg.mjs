// Validates CloudNativePG resources against the validators @kubernetes-models/cloudnative-pg compiled from the
// CRDs CloudNativePG publishes with its release (cnpg-<version>.yaml). Called by CloudNativePg.java.
//
// stdin:  a JSON array of resources (postgresql.cnpg.io/v1, any kind the package models)
// stdout: a JSON array with, per resource, the list of problems (empty when valid)
//
// Two checks per resource:
// 1. the CRD's schema (types, enums, patterns, required fields), as compiled by the package;
// 2. unknown fields, as the API server's strict field validation (kubectl's default) reports them. The compiled
//    validators do not reject undeclared fields, but they read every field their schema declares; so the
//    resource is handed in behind a proxy that records those reads, and a field nobody read, in an object whose
//    schema declares fields, is a field the CRD does not have. Objects whose schema declares no fields (maps such
//    as labels or postgresql.parameters, x-kubernetes-preserve-unknown-fields) get no reads and stay open.
import * as models from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1";

function recordingReads(value, path, objects) {
    if (value === null || typeof value !== "object") {
        return value;
    }
    const read = new Set();
    objects.push({ value, path, read });
    const children = new Map();
    return new Proxy(value, {
        get(target, key, receiver) {
            const child = Reflect.get(target, key, receiver);
            if (typeof key !== "string" || !Object.hasOwn(target, key)) {
                return child;
            }
            read.add(key);
            if (!children.has(key)) {
                children.set(key, recordingReads(child, `${path}/${key}`, objects));
            }
            return children.get(key);
        },
        has(target, key) {
            read.add(key);
            return Reflect.has(target, key);
        },
        getOwnPropertyDescriptor(target, key) {
            read.add(key);
            return Reflect.getOwnPropertyDescriptor(target, key);
        },
        ownKeys(target) {
            // Enumerated as a whole (a map): every key counts as read.
            Object.keys(target).forEach((key) => read.add(key));
            return Reflect.ownKeys(target);
        },
    });
}

function problemsOf(resource) {
    const model = models[resource.kind];
    if (resource.apiVersion !== "postgresql.cnpg.io/v1" || typeof model?.prototype?.validate !== "function") {
        return [`no CloudNativePG CRD for ${resource.apiVersion} ${resource.kind}`];
    }
    const problems = [];
    const objects = [];
    try {
        model.prototype.validate.call(recordingReads(resource, "", objects));
    } catch (error) {
        for (const detail of error.errors ?? [{ instancePath: "", message: error.message }]) {
            const allowed = detail.params?.allowedValues ? ` (${detail.params.allowedValues.join(", ")})` : "";
            problems.push(`${detail.instancePath || "/"}: ${detail.message}${allowed}`);
        }
    }
    for (const { value, path, read } of objects) {
        if (Array.isArray(value) || read.size === 0) {
            continue;
        }
        for (const key of Object.keys(value).filter((key) => !read.has(key))) {
            problems.push(`${path}/${key}: unknown field (not in the CRD schema)`);
        }
    }
    return problems;
}

let input = "";
for await (const chunk of process.stdin) {
    input += chunk;
}
process.stdout.write(JSON.stringify(JSON.parse(input).map(problemsOf)));
