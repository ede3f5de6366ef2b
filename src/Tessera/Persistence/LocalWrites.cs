// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence;

/// <summary>
/// A counter that stores bump after every write a read-through cache may depend on (sessions, identities), so the
/// cache can drop what this node may have made stale at once. Writes by other nodes are covered by the cache's own
/// time bound, not by this counter.
/// </summary>
internal sealed class LocalWrites
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Changed() => Interlocked.Increment(ref _version);

    /// <summary>
    /// Bumps the version when the write is over (dispose at the end of the write method). After, not before: a
    /// reader that read the old state under the old version then sees its entry invalidated.
    /// </summary>
    public WriteScope Write() => new(this);

    internal readonly struct WriteScope(LocalWrites writes) : IDisposable
    {
        public void Dispose() => writes.Changed();
    }
}
