// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence.Migrations;

internal sealed record MigrationStatus(Migration Migration, DateTimeOffset? AppliedAt)
{
    public bool Applied => AppliedAt is not null;
}
