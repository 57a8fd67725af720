#!/usr/bin/env node
// Seeds the running local network (ws://127.0.0.1:9944, or $COOPCHAIN_WS) with the demo: a
// federation of three member co-ops, a live DAICO, a closed patronage period with claims
// pending, and a credit circle with a cycle of obligations. Run by `scripts/network.sh`.
'use strict';

const { connect } = require('../tests/lib/chain');
const { seedDemo } = require('../tests/lib/demo');

(async () => {
  const api = await connect();
  try {
    const demo = await seedDemo(api, (line) => console.log(`  demo: ${line}`));
    const { bakery, growers, repair } = demo.coops;
    const t = demo.treasuries;
    console.log(`
The demo is ready:
  co-op 0  the federation (Alice, Bob, Charlie, Dave, and the three co-ops below)
  co-op ${bakery}  Riverside Bakery (Eve, Ferdie): patronage period 0 closed, claims pending
           treasury ${t.bakery}
  co-op ${growers}  Hilltop Growers (Alice, Bob): DAICO raise ${demo.raise} taking contributions until block ${demo.raiseEnd}
           treasury ${t.growers}
  co-op ${repair}  Harbour Repair Works (Charlie, Dave)
           treasury ${t.repair}
  circle 0  the federation's credit circle: obligations ${demo.obligations.join(', ')} form a cycle to clear`);
  } finally {
    await api.disconnect();
  }
})().catch((e) => {
  console.error(`seeding the demo failed: ${e.stack || e}`);
  process.exit(1);
});
