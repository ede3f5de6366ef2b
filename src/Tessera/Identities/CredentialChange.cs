// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Identities;

/// <summary>What a one-time use decided on a credential's configuration: the new one to write (null: nothing to write) and the answer.</summary>
internal readonly record struct CredentialChange<T>(JsonObject? Config, T Answer)
{
    public static CredentialChange<T> Keep(T answer) => new(null, answer);

    public static CredentialChange<T> Write(JsonObject config, T answer) => new(config, answer);
}
