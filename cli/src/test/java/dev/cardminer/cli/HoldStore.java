package dev.cardminer.cli;

import java.sql.Connection;
import java.sql.DriverManager;

/** Holds a store open for writing, as a running analyze does, until its stdin closes: {@code HoldStore DB}. */
final class HoldStore {

    private HoldStore() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait
            }
        }
    }
}
