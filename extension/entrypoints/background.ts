export default defineBackground(() => {
  // Routes messages between content scripts and the offscreen checker.
});
