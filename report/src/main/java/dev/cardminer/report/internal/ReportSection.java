package dev.cardminer.report.internal;

import java.io.IOException;
import java.sql.SQLException;

/** One part of the report: reads the store, writes its charts and CSVs, fills its HTML. */
public interface ReportSection {

    /** The anchor in the page. */
    String id();

    String title();

    void render(ReportContext context, HtmlSection out) throws SQLException, IOException;
}
