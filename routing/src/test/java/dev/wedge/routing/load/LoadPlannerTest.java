package dev.wedge.routing.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.model.VehicleType;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.UnassignedJob;
import dev.wedge.routing.plan.UnassignedReason;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LoadPlannerTest {
    // Dimensions: 0 = weight in kg, 1 = pallet places.
    private final VehicleType truck = new VehicleType("truck", Amount.of(20_000, 33), 0, 1, 0);
    private final Depot depot = new Depot("dc", new Place("dc", 0, 0), new TimeWindow(0, 86_400));
    private final Stop first = Stop.delivery("first", new Place("first", 10, 0), Amount.of(1_200, 2), 600, TimeWindow.always());
    private final Stop second = Stop.delivery("second", new Place("second", 20, 5), Amount.of(2_000, 4), 600, TimeWindow.always());
    private final Stop third = Stop.delivery("third", new Place("third", 5, 30), Amount.of(500, 1), 600, TimeWindow.always());
    private final Problem problem = Problem.of("dock", List.of(depot),
            List.of(Vehicle.simple("t1", truck, "dc", depot.opening()), Vehicle.simple("t2", truck, "dc", depot.opening())),
            List.of(first, second, third));
    private final TrailerSpec trailer = new TrailerSpec("small", 3, 2, 1.2, 3.0, 1_000, 1_500, 6_000, 5_000);

    private static Visit at(Stop s) {
        return new Visit(s.id(), s.id(), VisitKind.DELIVERY, 0, 0, 0);
    }

    private Plan plan(Route... routes) {
        return new Plan(List.of(routes), List.of(), 0, 0, 0);
    }

    @Test
    void loadsTheLastStopFirstSoTheFirstStopIsAtTheDoors() {
        Route route = new Route("t1", 1, 28_800, List.of(at(first), at(second)), 40_000, 50);
        LoadPlanner planner = new LoadPlanner(TrailerSpec.euroSemiTrailer(), List.of("D1"), 1_800, 0, 1);

        LoadPlan load = planner.plan(problem, plan(route)).get(0);

        assertThat(load.loadingSequence()).containsExactly("second", "first");
        assertThat(load.slots()).hasSize(6);
        assertThat(load.slots().get(0)).isEqualTo(new PalletSlot(1, 1, "second", 500, 1));
        assertThat(load.slots()).filteredOn(s -> s.stopId().equals("first")).extracting(PalletSlot::row).containsOnly(2);
        assertThat(load.departure()).isEqualTo(28_800);
        assertThat(load.loadingStart()).isEqualTo(27_000);
        assertThat(load.ok()).isTrue();
    }

    @Test
    void reportsPalletsThatDoNotFitOnTheFloor() {
        Route route = new Route("t1", 1, 0, List.of(at(first), at(second), at(third)), 1, 1);

        LoadPlan load = new LoadPlanner(trailer, List.of("D1"), 0, 0, 1).plan(problem, plan(route)).get(0);

        assertThat(load.slots()).hasSize(6);
        assertThat(load.problems()).anyMatch(p -> p.contains("Stop first") && p.contains("6 places"));
    }

    @Test
    void checksBothAxlesWithTheLeverRule() {
        LoadPlanner planner = new LoadPlanner(trailer, List.of("D1"), 0, 0, 1);
        // 3,000 kg at 0.6 m from the front support on a 3 m wheelbase: 600 kg on the rear axle, 2,400 kg in front.
        AxleLoads light = planner.axles(List.of(new PalletSlot(1, 1, "x", 3_000, 1)));
        // 6,000 kg at 3 m (row 3 centre): all of it on the rear axle, over its 5,000 kg limit.
        AxleLoads heavy = planner.axles(List.of(new PalletSlot(3, 1, "x", 6_000, 1)));

        assertThat(light.front()).isEqualTo(1_000 + 2_400, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(light.rear()).isEqualTo(1_500 + 600, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(light.withinLimits()).isTrue();
        assertThat(heavy.rear()).isEqualTo(1_500 + 6_000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(heavy.front()).isEqualTo(1_000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(heavy.withinLimits()).isFalse();
    }

    @Test
    void givesEachTruckAFreeDockDoorBeforeItLeaves() {
        Route early = new Route("t1", 1, 3_600, List.of(at(first)), 9_000, 20);
        Route same = new Route("t2", 1, 3_600, List.of(at(second)), 9_000, 40);
        Route later = new Route("t1", 2, 9_900, List.of(at(third)), 15_000, 60);

        List<LoadPlan> loads = new LoadPlanner(trailer, List.of("D1", "D2"), 1_800, 0, 1).plan(problem, plan(early, same, later));

        assertThat(loads).extracting(LoadPlan::dockDoor).containsExactly("D1", "D2", "D1");
        assertThat(loads).allMatch(LoadPlan::ok);
    }

    @Test
    void loadsOnlyWhatLeavesTheDockNotGoodsCollectedOnTheWay() {
        Stop from = new Stop("collect", dev.wedge.routing.model.StopKind.PICKUP, new Place("c", 3, 3), Amount.of(900, 1), 300,
                List.of(TimeWindow.always()), 2, java.util.Set.of(), java.util.Optional.empty());
        Stop to = new Stop("drop", dev.wedge.routing.model.StopKind.DELIVERY, new Place("x", 9, 9), Amount.of(0, 0), 300,
                List.of(TimeWindow.always()), 2, java.util.Set.of(), java.util.Optional.empty());
        Problem withPair = new Problem("pair", List.of(depot), problem.vehicles(), List.of(first),
                List.of(new dev.wedge.routing.model.PickupDelivery("cd", from, to)));
        Route route = new Route("t1", 1, 0, List.of(new Visit("collect", "cd", VisitKind.PAIR_PICKUP, 0, 0, 0), at(first),
                new Visit("drop", "cd", VisitKind.PAIR_DELIVERY, 0, 0, 0)), 1, 1);

        LoadPlan load = new LoadPlanner(trailer, List.of("D1"), 0, 0, 1).plan(withPair, plan(route)).get(0);

        assertThat(load.loadingSequence()).containsExactly("first");
        assertThat(load.slots()).extracting(PalletSlot::stopId).containsOnly("first");
    }

    @Test
    void printsAManifestAndARouteSheet() {
        Route route = new Route("t1", 1, 28_800, List.of(at(first), at(second)), 40_000, 50.5);
        LoadPlan load = new LoadPlanner(TrailerSpec.euroSemiTrailer(), List.of("D4"), 1_800, 0, 1).plan(problem, plan(route)).get(0);
        DocumentWriter writer = new DocumentWriter(problem, true);

        String manifest = writer.manifest(load);
        String sheet = writer.routeSheet(route);

        assertThat(manifest).contains("dock door D4", "departure 08:00", "Loading from 07:30", "1. stop second",
                "2. stop first", "row  1 | second  | second  | second  |", "OK");
        assertThat(sheet).contains("Vehicle t1", "leave 08:00", "distance 50.50");
        assertThat(sheet.lines().filter(l -> l.startsWith("1 ") || l.startsWith("2 ")).toList())
                .hasSize(2).first().asString().contains("first");
    }

    @Test
    void drawsEveryRouteOnAnSvgMap() throws Exception {
        Route a = new Route("t1", 1, 0, List.of(at(first), at(second)), 1, 1);
        Route b = new Route("t2", 1, 0, List.of(at(third)), 1, 1);
        Plan plan = new Plan(List.of(a, b), List.of(), 0, 0, 0);

        String svg = new SvgMapWriter().write(problem, plan);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(3);
        String points = doc.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points").getNodeValue();
        assertThat(points.split(" ")).hasSize(4);
    }

    @Test
    void marksUnassignedStopsOnTheMap() {
        Plan plan = new Plan(List.of(new Route("t1", 1, 0, List.of(at(first)), 1, 1)),
                List.of(new UnassignedJob("third", UnassignedReason.TIME_WINDOW, "late")), 0, 0, 0);

        String svg = new SvgMapWriter().write(problem, plan);

        assertThat(svg).contains("class=\"unassigned\"");
        assertThat(svg.split("class=\"unassigned\"")).hasSize(2);
    }
}
