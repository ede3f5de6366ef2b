// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows;

/// <summary>
/// What <see cref="FlowStore.SaveAsync"/> did. <see cref="FlowSaveOutcome.Saved"/>: <see cref="Flow"/> is the flow as
/// written. Otherwise another submission changed the flow first and <see cref="Flow"/> is the flow as it now is:
/// <see cref="FlowSaveOutcome.Finished"/> (it was completed; answer "already completed") or
/// <see cref="FlowSaveOutcome.Moved"/> (it went on to another step; answer it as it is).
/// </summary>
internal sealed record FlowSave(Flow Flow, FlowSaveOutcome Outcome);
