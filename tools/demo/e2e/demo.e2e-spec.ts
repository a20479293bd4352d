import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * `npm run demo` as a person runs it, minus the set-up steps npm test has done already (Node, deps,
 * build): scripts/demo.mjs on the built services, against this run's Kafka and MongoDB, stopping as
 * soon as everything is up (DEMO_EXIT_WHEN_READY=1).
 */
describe('npm run demo', () => {
  it('starts every service, syncs, routes, issues, resolves a case of each kind across the services, curates, and stops cleanly', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/demo.mjs')], {
      cwd: ROOT,
      env: { ...process.env, DEMO_EXIT_WHEN_READY: '1', LOG_LEVEL: 'warn', DEMO_SKUS: '1500' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain('demo: all services are up:');
    for (const [name, port] of [
      ['catalog-sync', 3001],
      ['order-router', 3002],
      ['virtual-codes', 3003],
      ['aftersales', 3004],
      ['supplier-sim', 3005],
    ] as const) {
      expect(output).toMatch(new RegExp(`demo: +${name} +http://127\\.0\\.0\\.1:${port} +docs http://127\\.0\\.0\\.1:${port}/docs`));
      expect(output).toMatch(new RegExp(`demo: ${name} stopped`));
    }
    expect(output).toMatch(/demo mall key \(tenant mall-demo\): sk_tenant_[A-Za-z0-9_-]{43}/);
    expect(output).toMatch(/demo staff token \(admin\): ey[\w-]+\.[\w-]+\.[\w-]+/);
    // The catalog was synced from the sandboxes (full the first time, incremental after) and can be browsed.
    expect(output).toMatch(/demo: (full|incremental) sync of the catalog from the supplier sandboxes \(1500 SKUs\)/);
    expect(output).toMatch(/jd +\[.*\] +\d+% \| \d+ seen, .*done/);
    expect(output).toMatch(/demo: {3}sku_[0-9a-f]{20} {2}¥\d+\.\d{2}/);
    // Then a dozen orders from all over China, with where each line went: the nearest warehouse, a line
    // split over two warehouses, drop-ship when no warehouse has a line.
    expect(output).toMatch(/demo: +01 +北京 北京市 朝阳区 +A .+ ×1 +北京仓 0 km +routed/);
    expect(output).toMatch(/demo: +07 +海南 海口市 龙华区 +D .+ ×3 +广州仓 2 \(\d+ km\) \+ 武汉仓 1 \(\d+ km\), split/);
    expect(output).toMatch(/demo: +08 +内蒙古 呼和浩特 +E .+ ×1 +drop-ship by supplier /);
    expect(output).toMatch(/demo: {3}12 orders in \d+\.\d s/);
    // Then virtual rewards: a top-up issued through the 福禄-style sandbox, a pool code, bought card codes;
    // a suspended number failed at both providers (and refunded); a number that is not one refused.
    expect(output).toMatch(/demo: {3}issuances after \d+\.\d s/);
    expect(output).toMatch(/138\*\*\*\*8000 +fulu success +issued/);
    expect(output).toMatch(/×1 +pool +issued +1 code\(s\)/);
    expect(output).toMatch(/×2 +fulu success +issued +2 code\(s\)/);
    expect(output).toMatch(/139\*\*\*\*0000 +fulu failed → juhe failed +failed +fulu: /);
    expect(output).toMatch(/ +failed +invalid account: not a mainland China mobile/);
    // Then one after-sales case of each kind, end to end across the services on the real Kafka: parcels
    // delivered by the carrier sandbox; returns labelled for 上海仓 (nearest to 杭州), received and
    // inspected there; refunds; replacements routed and dispatched by order-router; a reissue by virtual-codes.
    expect(output).toMatch(/demo: {3}cases after \d+\.\d s/);
    expect(output).toMatch(/ return +cas_[0-9a-f]{20} +wh-sh RMA-[0-9A-F]{10} +resolved +refund ¥\d+\.\d{2} \(19900 points back\)/);
    expect(output).toMatch(/ exchange +cas_[0-9a-f]{20} +wh-sh RMA-[0-9A-F]{10} +resolved +replacement ord_[0-9a-f]{20} dispatched/);
    expect(output).toMatch(/ damaged +cas_[0-9a-f]{20} +resolved +replacement ord_[0-9a-f]{20} dispatched/);
    expect(output).toMatch(/ missing +cas_[0-9a-f]{20} +resolved +replacement ord_[0-9a-f]{20} dispatched/);
    expect(output).toMatch(/ wrong-item +cas_[0-9a-f]{20} +wh-sh RMA-[0-9A-F]{10} +resolved +refund ¥\d+\.\d{2}/);
    expect(output).toMatch(/ quality +cas_[0-9a-f]{20} +wh-sh RMA-[0-9A-F]{10} +rejected +the returned goods failed inspection/);
    expect(output).toMatch(/ invalid-code +cas_[0-9a-f]{20} +resolved +reissue issued \(not-verifiable\)/);
    // Then curation and quality control through catalog-sync's staff API and the CLI.
    expect(output).toMatch(/pool mall-demo-bank \(finance template\): \d+ of \d+ sellable SKUs \(bands: /);
    expect(output).toMatch(/demo: +dimension +group +SKUs +share +target +gap \(pp\)/);
    expect(output).toMatch(/qualification warning: brand-midea brand-authorisation for 美的 ends \d{4}-\d{2}-\d{2} \(\d+ days left\)/);
    expect(output).toMatch(/sample inspection \S+ failed: sku_[0-9a-f]{20} .+ → suspended, sellable false/);
    expect(output).toMatch(/bulk suspend of brand .+ \(dry run\): \d+ match, \d+ would move to suspended; nothing changed/);
    expect(output).toMatch(/elimination report, last 7 days: [1-9]\d* SKUs removed of \d+/);
    expect(output).toMatch(/demo: +sample-inspection +[1-9]/);
  }, 600_000);
});
