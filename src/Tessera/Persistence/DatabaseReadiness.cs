// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence;

/// <summary>What the last readiness probe saw: whether the database answered, and how many migrations are pending.</summary>
internal sealed record DatabaseReadiness(bool Reachable, int PendingMigrations)
{
    public static readonly DatabaseReadiness Unreachable = new(false, 0);
}
