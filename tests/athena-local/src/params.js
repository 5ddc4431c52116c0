// ExecutionParameters: Athena applies the values, in order, to the '?' placeholders of the
// query. Placeholders inside string literals, quoted identifiers and comments are not
// parameters.
export function countPlaceholders(sql) {
  return scan(sql, null).count;
}

export function substituteParameters(sql, params) {
  return scan(sql, params).text;
}

function scan(sql, params) {
  let out = '';
  let count = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < n) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) { j += 2; continue; }
          break;
        }
        j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      let j = sql.indexOf('\n', i);
      if (j < 0) j = n;
      out += sql.slice(i, j);
      i = j;
    } else if (c === '/' && sql[i + 1] === '*') {
      let j = sql.indexOf('*/', i + 2);
      j = j < 0 ? n : j + 2;
      out += sql.slice(i, j);
      i = j;
    } else if (c === '?') {
      out += params ? params[count] : c;
      count++;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, count };
}
