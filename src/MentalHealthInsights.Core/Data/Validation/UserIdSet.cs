namespace MentalHealthInsights.Core.Data.Validation;

/// <summary>
/// The set of accepted User_ID fingerprints: open addressing with linear probing over one
/// array of 16-byte slots, so a lookup costs one cache miss (a <see cref="HashSet{T}"/> costs
/// two: bucket array, then entry array), which dominates at a million IDs.
/// </summary>
/// <remarks>
/// Memory: 16 bytes per slot, capacity a power of two kept at most 3/4 full, so 21–43 bytes per
/// distinct ID (32 at 1 M IDs: 2²¹ slots). Slots hold both hash halves; (0, 0) marks an empty
/// slot, which <see cref="UserIdHash"/> never produces.
/// </remarks>
internal sealed class UserIdSet
{
    private const int InitialCapacity = 1 << 10;

    // A hint never sizes the table beyond 2^24 slots (256 MiB); past that it grows as it fills.
    private const int LargestHintedCapacity = 1 << 24;

    private readonly long expectedCount;
    private ulong[]? slots;
    private int mask;

    /// <summary>
    /// An empty set that, once the first fingerprint comes, is sized for
    /// <paramref name="expectedCount"/> of them (0: small), so a caller that knows roughly how
    /// many IDs come (a file's size) saves the rehashing of every doubling — each re-inserted
    /// fingerprint is another cache miss. Nothing is allocated while the set stays empty.
    /// </summary>
    public UserIdSet(long expectedCount = 0) => this.expectedCount = expectedCount;

    /// <summary>Number of fingerprints held.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes held by the table (for the documented memory cost).</summary>
    public long AllocatedBytes => (slots?.Length ?? 0L) * sizeof(ulong);

    public bool Contains(UserIdHash hash)
    {
        if (slots is null)
        {
            return false;
        }

        for (var i = (int)hash.A & mask; ; i = (i + 1) & mask)
        {
            var a = slots[2 * i];
            var b = slots[(2 * i) + 1];
            if (a == hash.A && b == hash.B)
            {
                return true;
            }

            if ((a | b) == 0)
            {
                return false;
            }
        }
    }

    /// <summary>Adds <paramref name="hash"/>; false when it was already present.</summary>
    public bool Add(UserIdHash hash)
    {
        if (slots is null)
        {
            var capacity = InitialCapacity;
            // At most 3/4 full once expectedCount are in.
            while (capacity < LargestHintedCapacity && capacity / 4 * 3 < expectedCount)
            {
                capacity *= 2;
            }

            slots = new ulong[2 * capacity];
            mask = capacity - 1;
        }

        if (!Insert(slots, mask, hash.A, hash.B))
        {
            return false;
        }

        if (++Count > (mask + 1) / 4 * 3)
        {
            Grow();
        }

        return true;
    }

    private static bool Insert(ulong[] table, int tableMask, ulong a, ulong b)
    {
        for (var i = (int)a & tableMask; ; i = (i + 1) & tableMask)
        {
            var sa = table[2 * i];
            var sb = table[(2 * i) + 1];
            if (sa == a && sb == b)
            {
                return false;
            }

            if ((sa | sb) == 0)
            {
                table[2 * i] = a;
                table[(2 * i) + 1] = b;
                return true;
            }
        }
    }

    private void Grow()
    {
        var capacity = 2 * (mask + 1);
        var larger = new ulong[2 * capacity];
        var largerMask = capacity - 1;
        var slots = this.slots!;
        for (var i = 0; i < slots.Length; i += 2)
        {
            if ((slots[i] | slots[i + 1]) != 0)
            {
                Insert(larger, largerMask, slots[i], slots[i + 1]);
            }
        }

        this.slots = larger;
        mask = largerMask;
    }
}
