// SPDX-License-Identifier: Apache-2.0
using System.Globalization;

namespace Tessera.Errors;

/// <summary>
/// Which catalog entry a UI message (Kratos's numeric id on a flow) belongs to, read from the entries'
/// <see cref="ErrorDescriptor.UiMessageIds"/> ("4000006", "4010001, 4040001", "4000001-4000046"): an entry naming the
/// id itself wins over one whose range covers it, so a domain that adds an entry with its message ids is found without
/// further code. A message no entry names is a <c>validation_failed</c>: the flow re-renders it as a form problem.
/// Messages whose whole text is the context's reason (4000001, 4010000, ...) say nothing by their id, so an entry
/// naming one documents where it is used but does not claim it.
/// </summary>
internal static class UiMessageErrors
{
    private static readonly Lazy<(Dictionary<int, ErrorDescriptor> Exact, List<(int From, int To, ErrorDescriptor Error)> Ranges)> Index = new(Build);

    public static ErrorDescriptor For(int messageId)
    {
        var (exact, ranges) = Index.Value;
        if (!IsDynamic(messageId) && exact.TryGetValue(messageId, out var error))
        {
            return error;
        }

        return ranges.FirstOrDefault(r => messageId >= r.From && messageId <= r.To).Error ?? ErrorCatalog.ValidationFailed;
    }

    /// <summary>The UI message ids that stand for <paramref name="entry"/> on a flow (named by it alone, not by a range).</summary>
    public static IReadOnlyList<int> ClaimedBy(ErrorDescriptor entry) =>
        Index.Value.Exact.Where(e => e.Value == entry && !IsDynamic(e.Key)).Select(e => e.Key).Order().ToList();

    private static bool IsDynamic(int messageId) => Ui.Messages.UiMessages.Find(messageId)?.Template.StartsWith("{reason}", StringComparison.Ordinal) == true;

    private static (Dictionary<int, ErrorDescriptor>, List<(int, int, ErrorDescriptor)>) Build()
    {
        var exact = new Dictionary<int, ErrorDescriptor>();
        var ranges = new List<(int, int, ErrorDescriptor)>();
        foreach (var entry in ErrorCatalog.All.Where(e => e.UiMessageIds is not null))
        {
            foreach (var part in entry.UiMessageIds!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var bounds = part.Split('-', StringSplitOptions.TrimEntries);
                var from = int.Parse(bounds[0], CultureInfo.InvariantCulture);
                if (bounds.Length == 2)
                {
                    ranges.Add((from, int.Parse(bounds[1], CultureInfo.InvariantCulture), entry));
                }
                else
                {
                    exact.TryAdd(from, entry);
                }
            }
        }

        return (exact, ranges);
    }
}
