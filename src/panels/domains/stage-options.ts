import { useShallow } from 'zustand/react/shallow';
import type { StageId } from '../../core/model';
import { usePortico } from '../../state/context';
import type { SelectOption } from '../fields';
import { pack, unpack } from '../pairs';

/** The design's stages as options of a select (value: stage id, label: stage name), in the user's order. */
export function useStageOptions(): SelectOption[] {
  const packed = usePortico(useShallow((s) => s.design.stageOrder.map((id) => pack(id, s.design.stages[id]?.name ?? id))));
  return packed.map((entry) => {
    const { id, label } = unpack<StageId>(entry);
    return { value: id, label };
  });
}

/** The option list with a line for a stage that is gone (a hand-edited file), so that the select shows it. */
export function withMissingStage(options: SelectOption[], stageId: StageId): SelectOption[] {
  return options.some((option) => option.value === stageId)
    ? options
    : [...options, { value: stageId, label: '(missing stage: choose one)' }];
}
