// SPDX-License-Identifier: Apache-2.0
using Dapper;

namespace Tessera.Persistence;

/// <summary>
/// The project (Kratos: network) being served. Every row a store writes carries this id as <c>nid</c> and every query
/// filters on it, so several projects share one database. <see cref="Id"/> is the project entered for the current
/// request or job (<see cref="Enter"/>, an ambient value that flows with the async call), otherwise the default
/// project; a single-project deployment never enters one, so it always serves the default.
/// </summary>
internal sealed class NetworkContext
{
    /// <summary>
    /// How long <see cref="ListCachedIdsAsync"/> answers from memory: a project another node created is polled within
    /// this long; one created or deleted on this node at once (<see cref="ForgetIds"/>).
    /// </summary>
    public static readonly TimeSpan IdsCacheLifetime = TimeSpan.FromSeconds(5);

    private const string DefaultName = "default";
    private static readonly AsyncLocal<Guid?> Entered = new();
    private readonly Database _database;
    private readonly TimeProvider _clock;
    private readonly LocalReadValue<IReadOnlyList<Guid>> _cachedIds;
    private Guid? _id;
    private long _idsVersion;

    public NetworkContext(Database database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        _cachedIds = new(() => Interlocked.Read(ref _idsVersion), clock);
    }

    /// <summary>The project of the current request or job: the entered one, else the default.</summary>
    public Guid Id => Entered.Value ?? DefaultId;

    /// <summary>The default project (named "default"), which zero configuration serves.</summary>
    public Guid DefaultId => _id ?? throw new InvalidOperationException("The network id is read before storage was initialised.");

    /// <summary>True when the current request or job entered a project other than the default.</summary>
    public bool IsEntered => Entered.Value is not null;

    /// <summary>
    /// Serves <paramref name="projectId"/> for the rest of the current async flow (the request pipeline below the
    /// caller, or a job) until the returned scope is disposed, which restores what was entered before.
    /// </summary>
    public static Scope Enter(Guid projectId)
    {
        var previous = Entered.Value;
        Entered.Value = projectId;
        return new Scope(previous);
    }

    /// <summary>
    /// Every project's id, the default first: background work (courier, cleanup) runs once per project, entering each
    /// (<see cref="Enter"/>), since it runs outside the requests that carry a project.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ListIdsAsync(CancellationToken cancellationToken = default)
    {
        var defaultId = DefaultId;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM networks ORDER BY created_at, id", cancellationToken: cancellationToken));
        return [defaultId, .. ids.Where(id => id != defaultId)];
    }

    /// <summary>
    /// <see cref="ListIdsAsync"/> read at most once every <see cref="IdsCacheLifetime"/>: for what polls every round (the
    /// courier), so that it does not query <c>networks</c> each time.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ListCachedIdsAsync(CancellationToken cancellationToken = default)
    {
        if (_cachedIds.TryGet(out var cached))
        {
            return cached;
        }

        // Stamped with the version read before the query: a project created or deleted while it ran is read next time.
        var now = _clock.GetUtcNow();
        var version = _cachedIds.Version;
        var ids = await ListIdsAsync(cancellationToken);
        _cachedIds.Set(ids, now + IdsCacheLifetime, version);
        return ids;
    }

    /// <summary>A project was created or deleted on this node: the next <see cref="ListCachedIdsAsync"/> reads again.</summary>
    public void ForgetIds() => Interlocked.Increment(ref _idsVersion);

    /// <summary>The project entered for the current async flow, if any (null: the default).</summary>
    public static Guid? EnteredId => Entered.Value;

    /// <summary>Finds or creates the default network. Safe when several nodes start at once (the unique name decides).</summary>
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        await connection.ExecuteAsync(
            "INSERT INTO networks (id, name, created_at, updated_at) VALUES (@Id, @Name, @Now, @Now) ON CONFLICT (name) DO NOTHING",
            new { Id = Guid.NewGuid(), Name = DefaultName, Now = now });
        _id = await connection.QuerySingleAsync<Guid>("SELECT id FROM networks WHERE name = @Name", new { Name = DefaultName });
    }

    internal readonly struct Scope(Guid? previous) : IDisposable
    {
        public void Dispose() => Entered.Value = previous;
    }
}
