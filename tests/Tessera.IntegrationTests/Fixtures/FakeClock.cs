// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Fixtures;

/// <summary>A clock tests move by hand. Starts at the real current time so cookies and logs look sane.</summary>
public sealed class FakeClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = Truncated(TimeProvider.System.GetUtcNow());

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    // Whole microseconds, as the databases store instants, so values read back compare equal.
    private static DateTimeOffset Truncated(DateTimeOffset value) => value.AddTicks(-(value.Ticks % 10));

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }
}
