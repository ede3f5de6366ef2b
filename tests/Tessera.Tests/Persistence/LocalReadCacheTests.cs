// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence;

namespace Tessera.Tests.Persistence;

/// <summary>
/// The mechanics every per-node read cache relies on: an answer lives until its deadline and only under the local
/// write version it was read under; the size bound starts over; an update keeps both deadline and version.
/// </summary>
public sealed class LocalReadCacheTests
{
    private readonly ManualClock _clock = new();
    private readonly LocalWrites _writes = new();

    [Fact]
    public void Set_BeforeDeadline_AnswersFromCache()
    {
        var cache = NewCache();
        cache.Set("a", 1, _clock.GetUtcNow() + TimeSpan.FromSeconds(1), cache.Version);

        _clock.Advance(TimeSpan.FromMilliseconds(999));

        cache.TryGet("a", out var value).ShouldBeTrue();
        value.ShouldBe(1);
    }

    [Fact]
    public void Set_AtDeadline_Misses()
    {
        var cache = NewCache();
        cache.Set("a", 1, _clock.GetUtcNow() + TimeSpan.FromSeconds(1), cache.Version);

        _clock.Advance(TimeSpan.FromSeconds(1));

        cache.TryGet("a", out _).ShouldBeFalse();
    }

    [Fact]
    public void LocalWrite_AfterSet_Misses()
    {
        var cache = NewCache();
        cache.Set("a", 1, _clock.GetUtcNow() + TimeSpan.FromSeconds(1), cache.Version);

        _writes.Changed();

        cache.TryGet("a", out _).ShouldBeFalse();
    }

    [Fact]
    public void LocalWrite_DuringRead_StoresAStaleAnswer()
    {
        var cache = NewCache();
        var versionBeforeRead = cache.Version;
        _writes.Changed();

        cache.Set("a", 1, _clock.GetUtcNow() + TimeSpan.FromSeconds(1), versionBeforeRead);

        cache.TryGet("a", out _).ShouldBeFalse();
    }

    [Fact]
    public void Set_AtTheBound_StartsOver()
    {
        var cache = NewCache(maxEntries: 2);
        var until = _clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        cache.Set("a", 1, until, cache.Version);
        cache.Set("b", 2, until, cache.Version);

        cache.Set("c", 3, until, cache.Version);

        cache.TryGet("a", out _).ShouldBeFalse();
        cache.TryGet("b", out _).ShouldBeFalse();
        cache.TryGet("c", out var value).ShouldBeTrue();
        value.ShouldBe(3);
    }

    [Fact]
    public void Update_KeptAnswer_ChangesValueNotDeadline()
    {
        var cache = NewCache();
        cache.Set("a", 1, _clock.GetUtcNow() + TimeSpan.FromSeconds(1), cache.Version);

        cache.Update("a", value => value + 10);
        cache.Update("missing", value => value + 10);

        cache.TryGet("a", out var value).ShouldBeTrue();
        value.ShouldBe(11);
        cache.TryGet("missing", out _).ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));
        cache.TryGet("a", out _).ShouldBeFalse();
    }

    private LocalReadCache<string, int> NewCache(int maxEntries = 100) =>
        new(() => _writes.Version, _clock, maxEntries, StringComparer.Ordinal);
}
