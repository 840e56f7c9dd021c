// esbuild's `file` loader turns an imported .wasm into the URL of the copied file.
declare module '*.wasm' {
  const url: string;
  export default url;
}
