// Reads the finalised height of the reference node `args[0]`, then waits until this node
// has finalised at least that block too; returns 1 when it has.
async function finalizedHeight(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(hash)).number.toNumber();
}

async function run(nodeName, networkInfo, args) {
  const reference = networkInfo.nodesByName[args[0]];
  const refApi = await zombie.connect(reference.wsUri, reference.userDefinedTypes);
  const target = await finalizedHeight(refApi);
  await refApi.disconnect();

  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  for (;;) {
    const mine = await finalizedHeight(api);
    if (mine >= target) {
      console.log(`${nodeName}: finalised #${mine}, ${args[0]} had #${target}`);
      await api.disconnect();
      return 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

module.exports = { run };
