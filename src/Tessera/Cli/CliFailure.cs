// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Cli;

/// <summary>A command that cannot do its job for a reason the user can act on: one line on stderr, exit 1.</summary>
internal sealed class CliFailure(string message) : Exception(message)
{
    /// <summary>A refusal by the admin API's own code: the catalog id and the reason, as the API would answer.</summary>
    public static CliFailure Of(TesseraError error) => new($"{error.Descriptor.Id}: {error.EffectiveReason}");
}
