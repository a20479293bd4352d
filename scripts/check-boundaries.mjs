// Proves that the module-boundary rule is live, not silently skipped: lints imports that the tags forbid,
// as if they were written inside real projects, and fails unless each is reported.
// (@nx/enforce-module-boundaries quietly does nothing when Nx has no cached project graph.)
import { ESLint } from 'eslint';

const forbidden = [
  { file: 'libs/shared/errors/src/probe.ts', code: "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n", why: 'a util lib imports kafkajs' },
  { file: 'libs/shared/contracts/src/probe.ts', code: "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n", why: 'contracts import Nest' },
  { file: 'apps/order-router/src/probe.ts', code: "import '../../catalog-sync/src/main';\n", why: 'one app imports another' },
  { file: 'libs/shared/errors/src/probe.ts', code: "import { loadConfig } from '@supply-hub/config';\nexport const l = loadConfig;\n", why: 'a util lib imports a config lib' },
  { file: 'apps/order-router/src/probe.ts', code: "import { OutboxRelay } from '../../../libs/shared/kafka/src/lib/outbox/outbox-relay';\nexport const o = OutboxRelay;\n", why: 'an app reaches into a lib past its public entry' },
  { file: 'libs/orders/domain/src/probe.ts', code: "import { Model } from 'mongoose';\nexport const m = Model;\n", why: 'a domain lib imports mongoose' },
  { file: 'libs/orders/data-access/src/probe.ts', code: "import { RecordCatalogSku } from '@supply-hub/orders-application';\nexport const r = RecordCatalogSku;\n", why: 'data-access imports an application lib' },
];

const eslint = new ESLint();
let failed = 0;
for (const probe of forbidden) {
  const [result] = await eslint.lintText(probe.code, { filePath: probe.file });
  const reported = result.messages.some((m) => m.ruleId === '@nx/enforce-module-boundaries' && m.severity === 2);
  if (!reported) {
    failed++;
    console.error(`check-boundaries: not reported: ${probe.why} (${probe.file})`);
  }
}
if (failed) process.exit(1);
console.log(`check-boundaries: ${forbidden.length} forbidden imports reported as errors`);
