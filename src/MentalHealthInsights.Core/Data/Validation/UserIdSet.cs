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

    private ulong[] slots = new ulong[2 * InitialCapacity];
    private int mask = InitialCapacity - 1;

    /// <summary>Number of fingerprints held.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes held by the table (for the documented memory cost).</summary>
    public long AllocatedBytes => (long)slots.Length * sizeof(ulong);

    public bool Contains(UserIdHash hash)
    {
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
        for (var i = 0; i < slots.Length; i += 2)
        {
            if ((slots[i] | slots[i + 1]) != 0)
            {
                Insert(larger, largerMask, slots[i], slots[i + 1]);
            }
        }

        slots = larger;
        mask = largerMask;
    }
}
