// Waits until the node's best AND finalised heights have both risen by at least `args[0]`
// blocks from where they were when the script started; returns the finalised advance.
async function heights(api) {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalizedHash = await api.rpc.chain.getFinalizedHead();
  const finalized = (await api.rpc.chain.getHeader(finalizedHash)).number.toNumber();
  return { best, finalized };
}

async function run(nodeName, networkInfo, args) {
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  const wanted = Number(args[0] || 5);
  const start = await heights(api);
  console.log(`${nodeName}: start best #${start.best}, finalised #${start.finalized}`);
  for (;;) {
    const now = await heights(api);
    if (now.best - start.best >= wanted && now.finalized - start.finalized >= wanted) {
      console.log(`${nodeName}: now best #${now.best}, finalised #${now.finalized}`);
      await api.disconnect();
      return now.finalized - start.finalized;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

module.exports = { run };
