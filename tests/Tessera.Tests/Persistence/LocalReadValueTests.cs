// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence;

namespace Tessera.Tests.Persistence;

/// <summary>One cached answer (is there any admin key?) lives as a read-cache entry does: until its deadline, under its version.</summary>
public sealed class LocalReadValueTests
{
    private readonly ManualClock _clock = new();
    private readonly LocalWrites _writes = new();

    [Fact]
    public void Set_BeforeDeadline_AnswersFromCache_AndAtDeadlineMisses()
    {
        var value = NewValue();
        value.TryGet(out _).ShouldBeFalse();
        value.Set(true, _clock.GetUtcNow() + TimeSpan.FromSeconds(1), value.Version);

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        value.TryGet(out var cached).ShouldBeTrue();
        cached.ShouldBeTrue();

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        value.TryGet(out _).ShouldBeFalse();
    }

    [Fact]
    public void LocalWrite_DuringOrAfterTheRead_Misses()
    {
        var value = NewValue();
        var versionBeforeRead = value.Version;
        _writes.Changed();
        value.Set(true, _clock.GetUtcNow() + TimeSpan.FromSeconds(1), versionBeforeRead);
        value.TryGet(out _).ShouldBeFalse();

        value.Set(false, _clock.GetUtcNow() + TimeSpan.FromSeconds(1), value.Version);
        _writes.Changed();
        value.TryGet(out _).ShouldBeFalse();
    }

    private LocalReadValue<bool> NewValue() => new(() => _writes.Version, _clock);
}
