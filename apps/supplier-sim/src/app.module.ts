import { Module } from '@nestjs/common';
import { PlatformModule, SERVICE_CONFIG } from '@supply-hub/platform';
import { SandboxesModule } from '@supply-hub/sim-sandboxes';
import { SimAdminController } from './admin/sim-admin.controller';
import { SimCarrierController } from './admin/sim-carrier.controller';
import { SimJdOrdersController } from './admin/sim-jd-orders.controller';
import { SimRechargeController } from './admin/sim-recharge.controller';
import { CarrierController } from './carrier/carrier.controller';
import { simSettingsFromEnv } from './config/sim-settings-from-env';
import type { SupplierSimEnv } from './config/supplier-sim-env';
import { FeedsController } from './feeds/feeds.controller';
import { JdController } from './jd/jd.controller';
import { FuluController } from './recharge/fulu.controller';
import { JuheController } from './recharge/juhe.controller';
import { TaobaoController } from './taobao/taobao.controller';

/** supplier-sim: deterministic sandboxes of the suppliers', recharge providers' and carriers' protocols. */
@Module({
  imports: [
    PlatformModule.forService({ mongo: false }),
    SandboxesModule.forRootAsync({ inject: [SERVICE_CONFIG], useFactory: (env: SupplierSimEnv) => simSettingsFromEnv(env) }),
  ],
  controllers: [
    JdController,
    TaobaoController,
    FeedsController,
    CarrierController,
    FuluController,
    JuheController,
    SimAdminController,
    SimCarrierController,
    SimJdOrdersController,
    SimRechargeController,
  ],
})
export class AppModule {}
