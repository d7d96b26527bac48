package dev.wedge.label.model;

import java.util.List;

/**
 * A label to print: its size and what is on it, independent of the printer's resolution.
 *
 * @param width  mm across the print head
 * @param length mm along the media
 */
public record Label(double width, double length, List<LabelElement> elements) {

    public Label {
        Geometry.size(width, "label width");
        Geometry.size(length, "label length");
        elements = List.copyOf(elements);
    }
}
