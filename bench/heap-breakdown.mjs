// What a page's JS heap holds, from a CDP heap snapshot: machine code V8 compiled (baseline
// and optimized functions, and regular expressions), bytecode, the rest of the code-related
// objects (feedback, constant pools, scope info...), strings, object shapes, and JS objects
// (objects, arrays, closures). Sizes are V8's self sizes; Blink's objects are left out.

/** @param {import('playwright-core').CDPSession} cdp */
export async function heapBreakdown(cdp) {
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const meta = snap.snapshot.meta;
  const F = meta.node_fields.length;
  const iType = meta.node_fields.indexOf('type');
  const iName = meta.node_fields.indexOf('name');
  const iSize = meta.node_fields.indexOf('self_size');
  const types = meta.node_types[0];
  const out = { machineCode: 0, functionsCompiled: 0, bytecode: 0, otherCode: 0, strings: 0, shapes: 0, jsObjects: 0 };
  for (let i = 0; i < snap.nodes.length; i += F) {
    const type = types[snap.nodes[i + iType]];
    const name = snap.strings[snap.nodes[i + iName]];
    const size = snap.nodes[i + iSize];
    if (type === 'code') {
      if (name === 'system / InstructionStream') { out.machineCode += size; out.functionsCompiled++; }
      else if (name === 'system / BytecodeArray') out.bytecode += size;
      else out.otherCode += size;
    } else if (type === 'string' || type === 'concatenated string' || type === 'sliced string') out.strings += size;
    else if (type === 'object shape') out.shapes += size;
    else if (type === 'object' || type === 'array' || type === 'closure' || type === 'regexp' || type === 'number') out.jsObjects += size;
  }
  const mib = (n) => n / 1048576;
  return {
    machineCodeMiB: mib(out.machineCode), compiledCount: out.functionsCompiled, bytecodeMiB: mib(out.bytecode),
    otherCodeMiB: mib(out.otherCode), stringsMiB: mib(out.strings), shapesMiB: mib(out.shapes), jsObjectsMiB: mib(out.jsObjects),
  };
}
