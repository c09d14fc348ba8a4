// conform.ts - checks a JSON answer against the schema the OpenAPI document
// gives for it (operation x status), so that the contract test fails when
// the server answers something else than the document says - a renamed,
// missing or retyped member - and not only when the document and the
// client disagree (tsc). It knows the subset of OpenAPI 3.0 schemas that
// src/http/openapi.c writes: $ref, allOf, type, nullable, required,
// properties, items, enum, pattern, format date. Extra members are allowed
// (the document says what a client may rely on, not all there is).
/** Resolves a local "$ref" ("#/components/schemas/X") in doc. */
function deref(doc, s) {
    let seen = 0;
    while (s && typeof s.$ref === 'string') {
        if (++seen > 20)
            throw new Error(`$ref loop at ${s.$ref}`);
        const parts = s.$ref.replace(/^#\//, '').split('/');
        let v = doc;
        for (const p of parts)
            v = v?.[p];
        if (!v)
            throw new Error(`unresolved $ref ${s.$ref}`);
        s = v;
    }
    return s;
}
/** Appends to errs every way value breaks schema s (at path where). */
export function check(doc, s, value, where, errs) {
    s = deref(doc, s);
    if (value === null) {
        if (!s.nullable && s.type !== undefined)
            errs.push(`${where}: null, not nullable`);
        if (!s.nullable && s.allOf)
            errs.push(`${where}: null, not nullable`);
        return;
    }
    for (const part of s.allOf || [])
        check(doc, part, value, where, errs);
    const t = s.type;
    if (t === 'object') {
        if (typeof value !== 'object' || Array.isArray(value)) {
            errs.push(`${where}: ${JSON.stringify(value)?.slice(0, 60)} is not an object`);
            return;
        }
        const o = value;
        for (const k of s.required || [])
            if (!(k in o))
                errs.push(`${where}: member "${k}" missing`);
        for (const [k, sub] of Object.entries(s.properties || {}))
            if (k in o)
                check(doc, sub, o[k], `${where}.${k}`, errs);
    }
    else if (t === 'array') {
        if (!Array.isArray(value)) {
            errs.push(`${where}: not an array`);
            return;
        }
        value.forEach((v, i) => check(doc, s.items || {}, v, `${where}[${i}]`, errs));
    }
    else if (t === 'string') {
        if (typeof value !== 'string')
            errs.push(`${where}: ${JSON.stringify(value)} is not a string`);
        else if (s.pattern && !new RegExp(s.pattern).test(value))
            errs.push(`${where}: "${value}" does not match ${s.pattern}`);
        else if (s.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
            errs.push(`${where}: "${value}" is not a date`);
    }
    else if (t === 'integer') {
        if (!Number.isInteger(value))
            errs.push(`${where}: ${JSON.stringify(value)} is not an integer`);
    }
    else if (t === 'number') {
        if (typeof value !== 'number')
            errs.push(`${where}: ${JSON.stringify(value)} is not a number`);
    }
    else if (t === 'boolean') {
        if (typeof value !== 'boolean')
            errs.push(`${where}: ${JSON.stringify(value)} is not a boolean`);
    }
    if (s.enum && !s.enum.includes(value))
        errs.push(`${where}: ${JSON.stringify(value)} not in enum`);
}
/**
 * Checks one answer: method and path template (as in the document), the
 * status and the parsed JSON body. Returns the problems (empty: conforms);
 * an answer whose status the operation does not list is a problem too.
 */
export function conforms(doc, method, path, status, body) {
    const op = doc.paths[path]?.[method.toLowerCase()];
    if (!op)
        return [`${method} ${path}: not in the document`];
    let resp = op.responses[String(status)];
    if (!resp)
        return [`${method} ${path}: status ${status} not documented`];
    resp = deref(doc, resp);
    const schema = resp.content?.['application/json']?.schema;
    if (!schema)
        return [`${method} ${path} ${status}: no JSON schema`];
    const errs = [];
    check(doc, schema, body, `${method} ${path} ${status}`, errs);
    return errs;
}
