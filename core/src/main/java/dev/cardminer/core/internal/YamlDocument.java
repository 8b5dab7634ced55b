package dev.cardminer.core.internal;

import java.util.List;
import java.util.Map;

/**
 * A metadata block read by {@link YamlBlockReader}.
 *
 * @param mapping   the block's mapping as plain data (unmodifiable), or null when it could not be read
 * @param locations where values stand in the card file
 * @param entries   the top-level keys with the lines they span, for line-preserving edits
 * @param flowRoot  whether the top-level mapping is written in flow style ({@code {a: 1}})
 * @param rootLine  0-based line of the block where the top-level value starts; -1 when there is none
 * @param rootEnd   for a flow root, where its closing brace stands (a packed mark, {@link YamlLocations#pack}); else -1
 */
public record YamlDocument(Map<String, Object> mapping, YamlLocations locations, List<RootEntry> entries,
                           boolean flowRoot, int rootLine, long rootEnd) {

    /** A block read without a flow root's closing brace. */
    public YamlDocument(Map<String, Object> mapping, YamlLocations locations, List<RootEntry> entries,
                        boolean flowRoot, int rootLine) {
        this(mapping, locations, entries, flowRoot, rootLine, -1);
    }

    /** How a top-level value is written. */
    public enum Shape { SCALAR, BLOCK_SCALAR, BLOCK_SEQUENCE, BLOCK_MAPPING, FLOW, ALIAS }

    /**
     * A top-level key and the text of its value, in 0-based lines and columns of the block.
     *
     * @param key           the key as read
     * @param keyLine       line of the key
     * @param keyColumn     column of the key (code points)
     * @param lastLine      line of the value's last character (or the key's, for an empty value); when
     *                      the value ends in a block scalar, trailing blank lines may follow up to this line
     * @param endsInBlockScalar whether the value's last text is a literal or folded block scalar
     * @param shape         how the value is written
     * @param dashColumn    for a block sequence, the column of its dashes; else -1
     * @param flowList      for a flow sequence of scalars ({@code [a, 'b']}), where its items and closing
     *                      bracket stand; else null
     * @param valueStart    where the value's text starts (a packed mark; its anchor or tag, where it has one), so that
     *                      the value alone can be replaced; for an empty value, where the parser put it; -1 when unknown
     * @param valueEnd      where the value's text ends (a packed mark), so that a comment after it can be found;
     *                      -1 when unknown
     */
    public record RootEntry(String key, int keyLine, int keyColumn, int lastLine, boolean endsInBlockScalar,
                            Shape shape, int dashColumn, FlowList flowList, long valueStart, long valueEnd) {
    }

    /**
     * Where a top-level flow sequence of scalars stands, so that items can be added inside its brackets. Positions
     * are packed marks ({@link YamlLocations#pack}: 0-based line of the block, column in code points); -1 where
     * there is no such item.
     *
     * @param items        how many items it holds
     * @param firstStart   the start of the first item
     * @param previousEnd  the end of the item before the last
     * @param lastStart    the start of the last item
     * @param lastEnd      the end of the last item
     * @param close        the closing bracket
     */
    public record FlowList(int items, long firstStart, long previousEnd, long lastStart, long lastEnd, long close) {
    }
}
