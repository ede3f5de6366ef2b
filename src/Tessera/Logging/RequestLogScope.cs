// SPDX-License-Identifier: Apache-2.0
using System.Collections;

namespace Tessera.Logging;

/// <summary>
/// The scope every log line of a request carries. The JSON console reads its pairs (<c>"request_id": "..."</c>);
/// the text console prints <see cref="ToString"/> (<c>request_id:...</c>), where a plain dictionary would print
/// its type name.
/// </summary>
internal sealed class RequestLogScope(string requestId) : IReadOnlyList<KeyValuePair<string, object>>
{
    public const string Key = "request_id";

    public int Count => 1;

    public KeyValuePair<string, object> this[int index] =>
        index == 0 ? new(Key, requestId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Key}:{requestId}";
}
