package dev.eventpatch.hubspot.marketingevents.buildtools;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), printed as a unified diff with three
 * lines of context. The texts it is meant for, API listings, have at most a few thousand lines.
 */
final class LineDiff {

    private static final int CONTEXT = 3;

    private final List<Edit> edits;

    private LineDiff(List<Edit> edits) {
        this.edits = edits;
    }

    static LineDiff between(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                edits.add(new Edit(' ', before.get(i), i++, j++));
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                edits.add(new Edit('-', before.get(i), i++, j));
            } else {
                edits.add(new Edit('+', after.get(j), i, j++));
            }
        }
        return new LineDiff(edits);
    }

    long removed() {
        return edits.stream().filter(e -> e.kind == '-').count();
    }

    long added() {
        return edits.stream().filter(e -> e.kind == '+').count();
    }

    boolean isEmpty() {
        return removed() == 0 && added() == 0;
    }

    /** The diff in unified form, headed by the two names; empty when the texts are equal. */
    List<String> unified(String beforeName, String afterName) {
        List<String> out = new ArrayList<>();
        if (isEmpty()) {
            return out;
        }
        out.add("--- " + beforeName);
        out.add("+++ " + afterName);
        int k = 0;
        while (k < edits.size()) {
            if (edits.get(k).kind == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // Extend the hunk while the next change is within twice the context.
            while (end < edits.size()) {
                if (edits.get(end).kind != ' ') {
                    end++;
                    continue;
                }
                int next = end;
                while (next < edits.size() && edits.get(next).kind == ' ') {
                    next++;
                }
                if (next < edits.size() && next - end <= 2 * CONTEXT) {
                    end = next;
                } else {
                    end = Math.min(edits.size(), end + CONTEXT);
                    break;
                }
            }
            List<Edit> hunk = edits.subList(start, end);
            int beforeCount = (int) hunk.stream().filter(e -> e.kind != '+').count();
            int afterCount = (int) hunk.stream().filter(e -> e.kind != '-').count();
            out.add("@@ -" + (hunk.get(0).before + (beforeCount == 0 ? 0 : 1)) + "," + beforeCount
                    + " +" + (hunk.get(0).after + (afterCount == 0 ? 0 : 1)) + "," + afterCount + " @@");
            for (Edit e : hunk) {
                out.add(e.kind + e.line);
            }
            k = end;
        }
        return out;
    }

    private record Edit(char kind, String line, int before, int after) {
    }
}
