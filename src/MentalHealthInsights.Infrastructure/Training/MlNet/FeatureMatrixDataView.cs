using MentalHealthInsights.Core.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// ML.NET's view of a <see cref="FeatureMatrix"/>, read in place: a "Features" vector column of
/// the matrix's width and a Boolean "Label" column. It replaces <c>LoadFromEnumerable</c> over
/// one object and one array per row, which copied every row for every fit and made ML.NET emit
/// and JIT-compile two new getter methods per fit (182 compilations in a 1,000-row training).
/// The values, their order and the schema are the same, so the models are too (a test compares
/// the saved models of both views byte for byte).
/// </summary>
/// <remarks>
/// Sparse rows (<c>sparse: true</c>) carry only the non-zero values: the same vectors, which
/// FastTree's data preparation — run again for every forest fit — reads in a third of the
/// steps, since most columns of a row are one-hot zeros; the forest is byte-identical (tested).
/// Not for L-BFGS: it re-reads the rows on every iteration, where building the sparse row costs
/// more than it saves, and its sparse dot products round differently.
/// </remarks>
internal sealed class FeatureMatrixDataView : IDataView
{
    private readonly FeatureMatrix _matrix;
    private readonly bool _sparse;

    public FeatureMatrixDataView(FeatureMatrix matrix, bool sparse = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        _matrix = matrix;
        _sparse = sparse;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(
            MlNetData.FeaturesColumn,
            new VectorDataViewType(NumberDataViewType.Single, matrix.Columns)
        );
        builder.AddColumn(MlNetData.LabelColumn, BooleanDataViewType.Instance);
        Schema = builder.ToSchema();
    }

    /// <summary>False: rows are read in order (no trainer used here asks for shuffling).</summary>
    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _matrix.Rows;

    public DataViewRowCursor GetRowCursor(
        IEnumerable<DataViewSchema.Column> columnsNeeded,
        Random? rand = null
    ) => new Cursor(this);

    /// <summary>One cursor: the set size is a hint, and one in-order cursor is always allowed.</summary>
    public DataViewRowCursor[] GetRowCursorSet(
        IEnumerable<DataViewSchema.Column> columnsNeeded,
        int n,
        Random? rand = null
    ) => [new Cursor(this)];

    private sealed class Cursor(FeatureMatrixDataView view) : DataViewRowCursor
    {
        private readonly FeatureMatrix _matrix = view._matrix;
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 < _matrix.Rows)
            {
                _position++;
                return true;
            }

            _position = _matrix.Rows;
            return false;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index is 0 or 1;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index == 0 && typeof(TValue) == typeof(VBuffer<float>))
            {
                ValueGetter<VBuffer<float>> features = view._sparse ? Sparse : Dense;
                return (ValueGetter<TValue>)(Delegate)features;
            }

            if (column.Index == 1 && typeof(TValue) == typeof(bool))
            {
                ValueGetter<bool> label = (ref bool value) =>
                    value = _matrix.Labels[checked((int)_position)];
                return (ValueGetter<TValue>)(Delegate)label;
            }

            throw new InvalidOperationException(
                $"No {typeof(TValue).Name} getter for column '{column.Name}'."
            );
        }

        private void Dense(ref VBuffer<float> value)
        {
            var row = _matrix.Row(checked((int)_position));
            var editor = VBufferEditor.Create(ref value, row.Length);
            row.CopyTo(editor.Values);
            value = editor.Commit();
        }

        // The non-zero values with their indices; a row without zeros stays dense.
        private void Sparse(ref VBuffer<float> value)
        {
            var row = _matrix.Row(checked((int)_position));
            var nonZero = row.Length - row.Count(0f);
            if (nonZero == row.Length)
            {
                Dense(ref value);
                return;
            }

            var editor = VBufferEditor.Create(ref value, row.Length, nonZero);
            var n = 0;
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] != 0f)
                {
                    editor.Indices[n] = i;
                    editor.Values[n] = row[i];
                    n++;
                }
            }

            value = editor.Commit();
        }
    }
}
