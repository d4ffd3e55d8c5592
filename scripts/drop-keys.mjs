// Reads JSON on stdin, drops every object key named in IGNORE_KEYS
// (comma-separated), prints it again; non-JSON input passes unchanged.
// Used by compare-reports.sh.
const drop = new Set((process.env.IGNORE_KEYS || '').split(',').filter(Boolean));
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  let value;
  try {
    value = JSON.parse(input);
  } catch {
    process.stdout.write(input);
    return;
  }
  const strip = (v) => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).filter(([k]) => !drop.has(k)).map(([k, x]) => [k, strip(x)]));
    }
    return v;
  };
  process.stdout.write(JSON.stringify(strip(value), null, 1));
});
