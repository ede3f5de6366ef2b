// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Persistence;

/// <summary>The <c>dsn</c> key.</summary>
internal sealed record PersistenceOptions(Dsn Dsn)
{
    public static PersistenceOptions Bind(ConfigurationTree config) =>
        new(Dsn.Parse(config.GetString("dsn", Dsn.Default)!));
}
