// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Tests.Persistence;

/// <summary>A clock that stands still until a test moves it, for the read-cache tests.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
