// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows;

/// <summary>See <see cref="FlowSave"/>.</summary>
internal enum FlowSaveOutcome
{
    Saved,
    Finished,
    Moved,
}
