package dev.cardminer.io.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;

/**
 * IngestPaths' {@code arrow} path: a batch's rows as Arrow vectors (Arrow Java, off-heap, no call into DuckDB per
 * value), handed over as an Arrow C stream with {@code DuckDBConnection.registerArrowStream} and inserted with
 * {@code INSERT INTO t SELECT ... FROM stream}. Needs Arrow on the classpath (arrow-vector, arrow-c-data,
 * arrow-memory-unsafe 19.0.0 and their dependencies) and {@code --add-opens=java.base/java.nio=ALL-UNNAMED}.
 */
public final class ArrowPath extends IngestPaths.BatchPath {

    private final DuckDBConnection conn;
    private final BufferAllocator allocator = new RootAllocator();
    private long streams;

    public ArrowPath(DuckDBConnection conn) throws Exception {
        super(conn);
        this.conn = conn;
    }

    @Override
    void load(IngestPaths.Batch b) throws Exception {
        String name = "cardminer_arrow_" + (++streams);
        try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
             ArrowReader reader = new OneBatch(allocator, b)) {
            Data.exportArrayStream(allocator, reader, stream);
            conn.registerArrowStream(name, stream);
            st.execute("INSERT INTO main." + b.table + " (" + String.join(", ", b.names) + ") SELECT " + b.select
                    + " FROM " + name);
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        allocator.close();
    }

    /** The batch as one Arrow record batch. */
    private static final class OneBatch extends ArrowReader {
        private final IngestPaths.Batch b;
        private boolean done;

        OneBatch(BufferAllocator allocator, IngestPaths.Batch b) {
            super(allocator);
            this.b = b;
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            if (done) {
                return false;
            }
            done = true;
            VectorSchemaRoot root = getVectorSchemaRoot();
            int n = b.rows;
            for (int c = 0; c < b.kinds.length; c++) {
                FieldVector v = root.getVector(c);
                v.setInitialCapacity(n);
                v.allocateNew();
                switch (b.kinds[c]) {
                    case S -> {
                        VarCharVector s = (VarCharVector) v;
                        String[] col = b.str[c];
                        for (int r = 0; r < n; r++) {
                            if (col[r] == null) {
                                s.setNull(r);
                            } else {
                                s.setSafe(r, col[r].getBytes(StandardCharsets.UTF_8));
                            }
                        }
                    }
                    default -> {
                        long[] num = b.num[c];
                        boolean[] nul = b.nul[c];
                        for (int r = 0; r < n; r++) {
                            if (nul[r]) {
                                switch (b.kinds[c]) {
                                    case I -> ((IntVector) v).setNull(r);
                                    case L -> ((BigIntVector) v).setNull(r);
                                    case D -> ((Float8Vector) v).setNull(r);
                                    default -> ((BitVector) v).setNull(r);
                                }
                            } else {
                                switch (b.kinds[c]) {
                                    case I -> ((IntVector) v).setSafe(r, (int) num[r]);
                                    case L -> ((BigIntVector) v).setSafe(r, num[r]);
                                    case D -> ((Float8Vector) v).setSafe(r, Double.longBitsToDouble(num[r]));
                                    default -> ((BitVector) v).setSafe(r, (int) num[r]);
                                }
                            }
                        }
                    }
                }
                v.setValueCount(n);
            }
            root.setRowCount(n);
            return true;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
        }

        @Override
        protected Schema readSchema() {
            List<Field> fields = new ArrayList<>();
            for (int c = 0; c < b.kinds.length; c++) {
                fields.add(Field.nullable(b.names[c], switch (b.kinds[c]) {
                    case S -> new ArrowType.Utf8();
                    case I -> new ArrowType.Int(32, true);
                    case L -> new ArrowType.Int(64, true);
                    case D -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                    case B -> new ArrowType.Bool();
                }));
            }
            return new Schema(fields);
        }
    }
}
