// swagger-ui-dist ships no types. Only its path helper is imported: the package's index
// would also evaluate the 1.5 MB browser bundle in Node.
declare module "swagger-ui-dist/absolute-path.js" {
  /** The folder holding swagger-ui-bundle.js and swagger-ui.css. */
  const getAbsoluteFSPath: () => string;
  export default getAbsoluteFSPath;
}
