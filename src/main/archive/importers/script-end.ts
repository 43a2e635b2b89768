/**
 * Whether script text stops inside the HTML standard's "double-escaped" state, where a
 * `</script>` does not end the script: old pages write `<!-- document.write("<script>
 * ...</script>") -->`, and htmlparser2 would end the script at the inner end tag.
 */
export function endsDoubleEscaped(script: string): boolean {
  let state: 'data' | 'escaped' | 'double' = 'data';
  for (const m of script.matchAll(/<!--|-->|<(\/?)script(?=[\s/>])/gi)) {
    if (m[0] === '<!--') {
      if (state === 'data') state = 'escaped';
    } else if (m[0] === '-->') {
      state = 'data';
    } else if (m[1]) {
      if (state === 'double') state = 'escaped';
    } else if (state === 'escaped') {
      state = 'double';
    }
  }
  return state === 'double';
}
