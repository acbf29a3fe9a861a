/** Entry of the extension-host benchmarks: scripts/bench/host.ts bundles this and its runner extension calls run(). */
import { commandFigures } from './commands';
import type { HostConfig, HostFigures } from './figures';
import { scaleFigures } from './scale';

export async function run(config: HostConfig): Promise<HostFigures> {
  return config.phase === 'commands' ? commandFigures(config) : scaleFigures(config);
}
