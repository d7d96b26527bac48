package dev.wedge.edge.cli;

public final class WedgeCommand {
    public static void main(String[] args) {
    }
}
