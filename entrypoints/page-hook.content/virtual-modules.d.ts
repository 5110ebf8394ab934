declare module 'virtual:osortoo-page-hook' {
  /** Installs the page hook; self-contained, so its source can run as an inline page script. */
  const osortooPageHook: () => void;
  export default osortooPageHook;
}
