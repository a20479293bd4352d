import { runService } from '@supply-hub/platform';
import { AppModule } from './app.module';
import { supplierSimEnv } from './config/supplier-sim-env';

void runService({
  name: 'supplier-sim',
  envSchema: supplierSimEnv,
  module: AppModule,
});
