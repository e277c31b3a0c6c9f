// An Iteration: its body runs once per item of its list, at most `concurrency` items at a time, each item seeing
// the Iteration's id as { item, index }; the body's `output` value per item is collected, in item order.
import "server-only";
import type { NodeOfType } from "./graph";
import { NodeError, type NodeResult } from "./nodes";
import { parseReference, readReference } from "./references";
import type { RunState } from "./run-state";

type Outputs = Map<string, Record<string, unknown>>;
type RunScope = (state: RunState, parentId: string | null, outputs: Outputs, itemIndex: number | null) => Promise<void>;

export async function runIteration(state: RunState, node: NodeOfType<"iteration">, outputs: Outputs, runScope: RunScope): Promise<NodeResult> {
  const itemsRef = parseReference(node.data.items);
  const items = itemsRef ? readReference(outputs, itemsRef) : undefined;
  if (!Array.isArray(items)) throw new NodeError(`"${node.data.items}" is not a list, so there is nothing to iterate over.`);
  const limit = state.snapshot.graph.limits.maxIterationItems;
  if (items.length > limit) throw new NodeError(`The list has ${items.length} items, more than this workflow's limit of ${limit} (maxIterationItems).`);
  const outputRef = parseReference(node.data.output);
  const results: unknown[] = new Array(items.length).fill(null);
  let next = 0;
  let failure: unknown = null;
  // Workers take items in order; after a failure none takes another, and the first failure is the Iteration's.
  const worker = async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      const scoped: Outputs = new Map(outputs);
      scoped.set(node.id, { item: items[index], index });
      try {
        await runScope(state, node.id, scoped, index);
        results[index] = outputRef ? (readReference(scoped, outputRef) ?? null) : null;
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(node.data.concurrency, items.length) }, worker));
  if (failure !== null) throw failure;
  return { inputs: { items }, outputs: { results } };
}
