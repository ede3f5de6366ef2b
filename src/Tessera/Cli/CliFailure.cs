// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Cli;

/// <summary>A command that cannot do its job for a reason the user can act on: one line on stderr, exit 1.</summary>
internal sealed class CliFailure(string message) : Exception(message);
