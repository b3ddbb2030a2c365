// Every word the report shows, in English and Spanish, in one table so the two never drift apart.

import { formatInteger, pluralOf } from './format.js';
import type { Lang } from './lang.js';
import type { Metric, PointFlag, Strategy } from './schema.js';

export { LANGS, LOCALES, isLang } from './lang.js';
export type { Lang } from './lang.js';

const messages = {
  // Page frame
  reportTitle: { en: 'parlab benchmark report', es: 'Informe de rendimiento de parlab' },
  compareTitle: { en: 'parlab: comparing two runs', es: 'parlab: comparación de dos ejecuciones' },
  run: { en: 'Run', es: 'Ejecución' },
  createdAt: { en: 'Measured on', es: 'Medido el' },
  machine: { en: 'Machine', es: 'Máquina' },
  cpu: { en: 'Processor', es: 'Procesador' },
  cores: { en: 'Logical CPUs', es: 'CPU lógicas' },
  availableCores: { en: 'Cores the run could use', es: 'Núcleos que podía usar la ejecución' },
  cpuQuota: { en: 'CPU quota (cgroup)', es: 'Cuota de CPU (cgroup)' },
  noQuota: { en: 'none', es: 'ninguna' },
  memory: { en: 'Memory', es: 'Memoria' },
  os: { en: 'Operating system', es: 'Sistema operativo' },
  node: { en: 'Node.js', es: 'Node.js' },
  python: { en: 'Python', es: 'Python' },
  pythonMissing: { en: 'not found', es: 'no encontrado' },
  options: { en: 'Options', es: 'Opciones' },
  contents: { en: 'Contents', es: 'Contenido' },
  files: { en: 'Files', es: 'Archivos' },
  resultsFile: { en: 'Raw results (results.json)', es: 'Resultados sin procesar (results.json)' },
  pngLink: { en: 'PNG image', es: 'Imagen PNG' },
  intro: {
    en: 'Each chart below comes from the measurements in results.json; the same charts are saved as PNG images next to this page. Every measurement was repeated several times. A figure is the median of those repetitions with its 95% interval: the range that holds the true median with 95% confidence whatever the shape of the noise, drawn as whiskers on the charts. The precision (±) is half that interval, in percent of the median. Who wins is said only when the interval of the ratio leaves out 1; otherwise it is a tie within noise.',
    es: 'Cada gráfico de esta página sale de las mediciones guardadas en results.json, y los mismos gráficos están guardados como imágenes PNG junto a esta página. Cada medición se repitió varias veces. Cada cifra es la mediana de esas repeticiones con su intervalo del 95 %: el rango que contiene la mediana verdadera con un 95 % de confianza, tenga el ruido la forma que tenga, dibujado como bigotes en los gráficos. La precisión (±) es la mitad de ese intervalo, en porcentaje de la mediana. Solo se dice quién gana cuando el intervalo de la razón deja fuera el 1; si no, es un empate dentro del ruido.',
  },
  flaggedSummary_one: {
    en: '{flagged} of {total} measurements is flagged ({flags}); flagged points are drawn hollow or hatched in the charts.',
    es: '{flagged} de {total} mediciones tiene marcas ({flags}); en los gráficos las mediciones marcadas se dibujan huecas o rayadas.',
  },
  flaggedSummary_other: {
    en: '{flagged} of {total} measurements are flagged ({flags}); flagged points are drawn hollow or hatched in the charts.',
    es: '{flagged} de {total} mediciones tienen marcas ({flags}); en los gráficos las mediciones marcadas se dibujan huecas o rayadas.',
  },
  noneFlagged: { en: 'No measurement is flagged.', es: 'Ninguna medición tiene marcas.' },

  // Banners
  unstableTitle: { en: 'The results may be unstable', es: 'Los resultados pueden ser inestables' },
  unstableIntro: {
    en: 'The host was not quiet while the bench ran, so differences may come from the machine rather than from the code:',
    es: 'El equipo no estuvo tranquilo durante la medición, así que las diferencias pueden venir de la máquina y no del código:',
  },
  faultsTitle: { en: 'Measurement faults', es: 'Fallos de medición' },
  faultsIntro: {
    en: 'These speedups lie above the physical ceiling, min(workers, cores): their whole interval is above it, which no program can do, so the measurement is at fault, not the code.',
    es: 'Estas aceleraciones están por encima del techo físico, mín(trabajadores, núcleos): todo su intervalo queda por encima, algo que ningún programa puede lograr, así que falla la medición, no el código.',
  },
  faultItem: { en: '{what}: {value}, ceiling {ceiling}', es: '{what}: {value}, techo {ceiling}' },
  upgradedNote: {
    en: 'This file was written in schema 1, by the first version of the bench: its intervals and flags were computed here from its samples, and it has no record of the host.',
    es: 'Este archivo se escribió con el esquema 1, de la primera versión de la herramienta de medición: sus intervalos y marcas se calcularon aquí a partir de sus muestras, y no tiene registro del equipo.',
  },
  interruptedNote: {
    en: 'The run was interrupted: some points were never measured.',
    es: 'La medición se interrumpió: algunos puntos no llegaron a medirse.',
  },

  // Flags
  flag_noisy: { en: 'noisy', es: 'con ruido' },
  flag_fewSamples: { en: 'few samples', es: 'pocas muestras' },
  flag_aboveCeiling: { en: 'above the ceiling', es: 'por encima del techo' },
  flag_hostDrift: { en: 'host drift', es: 'deriva del equipo' },
  marksFlagged_one: {
    en: 'One measurement here is flagged ({flags}) and is drawn hollow or hatched.',
    es: 'Una medición de este gráfico tiene marcas ({flags}) y se dibuja hueca o rayada.',
  },
  marksFlagged_other: {
    en: '{n} measurements here are flagged ({flags}) and are drawn hollow or hatched.',
    es: '{n} mediciones de este gráfico tienen marcas ({flags}) y se dibujan huecas o rayadas.',
  },
  marksFault_one: {
    en: 'One measurement here is a fault, outlined in red: its whole interval lies above the ceiling.',
    es: 'Una medición de este gráfico es un fallo, con borde rojo: todo su intervalo queda por encima del techo.',
  },
  marksFault_other: {
    en: '{n} measurements here are faults, outlined in red: their whole intervals lie above the ceiling.',
    es: '{n} mediciones de este gráfico son fallos, con borde rojo: todo su intervalo queda por encima del techo.',
  },
  whiskersNote: { en: 'The whiskers are the 95% intervals of the medians.', es: 'Los bigotes son los intervalos del 95 % de las medianas.' },

  // Sections
  sectionHost: { en: 'The host during the run', es: 'El equipo durante la medición' },
  sectionHostIntro: {
    en: "A fixed reference loop was timed again and again through the run, so a change in the machine's own speed (another program, heat, a noisy neighbour on a shared host) shows up here instead of passing for a change in parlab.",
    es: 'Un bucle de referencia fijo se cronometró una y otra vez durante la medición, así que un cambio de velocidad de la propia máquina (otro programa, el calor, un vecino ruidoso en un servidor compartido) aparece aquí en lugar de pasar por un cambio de parlab.',
  },
  sectionWorkloads: { en: 'Workloads: how much faster with more workers', es: 'Cargas de trabajo: cuánto más rápido con más trabajadores' },
  sectionWorkloadsIntro: {
    en: 'Each workload is a CPU-bound job run once serially and then split across several workers, either as separate processes or as threads inside one process.',
    es: 'Cada carga de trabajo es una tarea que usa intensivamente la CPU. Se ejecuta primero en serie y después repartida entre varios trabajadores, ya sea como procesos independientes o como hilos dentro de un mismo proceso.',
  },
  sectionOverview: { en: 'Overview: processes or threads?', es: 'Resumen: ¿procesos o hilos?' },
  sectionOverviewIntro: {
    en: 'Who wins each workload, decided from the intervals: a strategy wins only when it is significantly faster than serial and than the other strategy; otherwise the table says so.',
    es: 'Quién gana cada carga de trabajo, decidido a partir de los intervalos: una estrategia gana solo cuando es claramente más rápida que la versión en serie y que la otra estrategia; si no, la tabla lo dice.',
  },
  sectionCosts: { en: 'What the building blocks cost', es: 'Lo que cuestan las piezas básicas' },
  sectionCostsIntro: {
    en: 'Parallel work is not free: starting a worker takes time and memory, and every message between workers has to travel. These charts measure those costs for each strategy.',
    es: 'El trabajo en paralelo no es gratis: arrancar un trabajador cuesta tiempo y memoria, y cada mensaje entre trabajadores tiene que viajar de uno a otro. Estos gráficos miden esos costes con cada estrategia.',
  },
  sectionPeers: { en: 'parlab beside other pool libraries', es: 'parlab frente a otras bibliotecas de pools' },
  sectionPeersIntro: {
    en: 'The same pool jobs run through parlab and through popular Node.js worker-pool libraries. "raw" means hand-written worker_threads or child_process code with no library.',
    es: 'Las mismas tareas de pool se ejecutan con parlab y con bibliotecas de pools de trabajadores populares en Node.js. «raw» es código escrito a mano con worker_threads o child_process, sin ninguna biblioteca.',
  },
  sectionPython: { en: 'Python and the GIL', es: 'Python y el GIL' },
  sectionPythonIntro: {
    en: "Python's multiprocessing runs the same workloads. In CPython, the Global Interpreter Lock (GIL) lets only one thread run Python code at a time, so threads cannot speed up CPU-bound work while processes can. Node threads have no such lock.",
    es: 'El módulo multiprocessing de Python ejecuta las mismas cargas de trabajo. En CPython, el bloqueo global del intérprete (GIL) solo deja que un hilo ejecute código Python a la vez, así que los hilos no pueden acelerar un trabajo que usa intensivamente la CPU, mientras que los procesos sí. Los hilos de Node no tienen ese bloqueo.',
  },
  sectionOther: { en: 'Other measurements', es: 'Otras mediciones' },
  sectionOtherIntro: {
    en: 'Measurements that none of the charts above draws, so that every measured point is shown somewhere.',
    es: 'Mediciones que no dibuja ninguno de los gráficos anteriores, para que cada punto medido aparezca en algún sitio.',
  },
  sectionTables: { en: 'All measurements', es: 'Todas las mediciones' },
  sectionTablesIntro: {
    en: 'n is the number of repetitions. Failed or skipped measurements are listed here with the reason and left out of every chart.',
    es: 'n es el número de repeticiones. Las mediciones que fallaron o se omitieron aparecen aquí con el motivo y no se usan en ningún gráfico.',
  },

  // Counts (the plural form is chosen with Intl.PluralRules)
  workersCount_one: { en: '{n} worker', es: '{n} trabajador' },
  workersCount_other: { en: '{n} workers', es: '{n} trabajadores' },
  coresCount_one: { en: '{n} core', es: '{n} núcleo' },
  coresCount_other: { en: '{n} cores', es: '{n} núcleos' },
  severeCount_one: { en: '{n} severe', es: '{n} extremo' },
  severeCount_other: { en: '{n} severe', es: '{n} extremos' },

  // Strategies and series
  serial: { en: 'Serial', es: 'En serie' },
  process: { en: 'Processes', es: 'Procesos' },
  thread: { en: 'Threads', es: 'Hilos' },
  ideal: { en: 'Ideal: min(workers, {cores})', es: 'Ideal: mín(trabajadores, {cores})' },
  ceilingLine: { en: 'Ceiling: {cores}', es: 'Techo: {cores}' },
  amdahlFit: { en: 'Amdahl fit, {strategy} (p = {p})', es: 'Ajuste de Amdahl, {strategy} (p = {p})' },
  pythonSeries: { en: 'Python {strategy}', es: '{strategy} de Python' },
  nodeSeries: { en: 'Node {strategy}', es: '{strategy} de Node' },
  sameSpeed: { en: 'Equal (ratio = 1)', es: 'Iguales (razón = 1)' },
  ratioSeries: { en: 'Threads ÷ processes', es: 'Hilos ÷ procesos' },
  hostSeries: { en: 'Reference loop', es: 'Bucle de referencia' },
  driftBand: { en: 'Drift limit ({limit})', es: 'Límite de deriva ({limit})' },

  // Verdicts (decided in verdicts.ts)
  winner_thread: { en: 'threads win ({x})', es: 'ganan los hilos ({x})' },
  winner_process: { en: 'processes win ({x})', es: 'ganan los procesos ({x})' },
  winnerAlone_thread: { en: 'threads beat serial ({x})', es: 'los hilos ganan a la versión en serie ({x})' },
  winnerAlone_process: { en: 'processes beat serial ({x})', es: 'los procesos ganan a la versión en serie ({x})' },
  winner_parallel: { en: 'parallel beats serial; threads and processes tie', es: 'en paralelo es más rápido; hilos y procesos empatan' },
  winner_serial: { en: 'serial is faster', es: 'en serie es más rápido' },
  winner_tie: { en: 'tie with serial (within noise)', es: 'empate con la versión en serie (dentro del ruido)' },
  strategies_above: { en: 'threads faster ({x})', es: 'hilos más rápidos ({x})' },
  strategies_below: { en: 'processes faster ({x})', es: 'procesos más rápidos ({x})' },
  strategies_tie: { en: 'tie (within noise)', es: 'empate (dentro del ruido)' },

  // Axes
  axisWorkers: { en: 'Workers', es: 'Trabajadores' },
  axisSpeedup: { en: 'Speedup (× faster than serial)', es: 'Aceleración (× más rápido)' },
  axisTimeMs: { en: 'Time (ms)', es: 'Tiempo (ms)' },
  axisRatio: { en: 'Ratio (above 1: threads faster)', es: 'Razón (por encima de 1: hilos más rápidos)' },
  axisLogNote: { en: '{label}, logarithmic scale', es: '{label}, escala logarítmica' },
  axisMinutes: { en: 'Minutes since the start', es: 'Minutos desde el inicio' },
  axisSpeedIndex: { en: 'Speed index (1 = as at the start)', es: 'Índice de velocidad (1 = como al inicio)' },

  // Chart titles and explanations
  speedupTitle: { en: 'Speedup: {subject}', es: 'Aceleración: {subject}' },
  speedupExplain: {
    en: 'Speedup tells how many times faster the parallel version is than the serial one: serial time ÷ parallel time, repetition by repetition. The dotted line is the ideal, where n workers are n times faster, but never more than the {cores} the run could use, so it flattens there.',
    es: 'La aceleración indica cuántas veces más rápida es la versión paralela que la versión en serie: tiempo en serie ÷ tiempo en paralelo, repetición a repetición. La línea de puntos es el caso ideal, en el que n trabajadores van n veces más rápido, pero nunca más que los {cores} que podía usar la ejecución, así que ahí se aplana.',
  },
  amdahlDrawn: {
    en: "The dashed curves fit Amdahl's law to the worker counts up to the core count: p is the share of the work that runs in parallel ({fits}); the remaining 1 − p limits the speedup however many workers you add.",
    es: 'Las curvas discontinuas ajustan la ley de Amdahl a los números de trabajadores hasta el número de núcleos: p es la parte del trabajo que se ejecuta en paralelo ({fits}); el resto, 1 − p, pone un límite a la aceleración por muchos trabajadores que se añadan.',
  },
  amdahlOmitted: { en: 'No Amdahl curve for {strategy}: {reason}.', es: 'No hay curva de Amdahl para {strategy}: {reason}.' },
  amdahlReason_fewCounts: {
    en: 'fewer than two worker counts up to the {cores} the run could use',
    es: 'hay menos de dos números de trabajadores hasta los {cores} que podía usar la ejecución',
  },
  amdahlReason_noGain: {
    en: 'no speedup is above 1, so there is no parallel share to fit',
    es: 'ninguna aceleración pasa de 1, así que no hay parte paralela que ajustar',
  },
  amdahlReason_boundary: {
    en: 'the best fit puts p at {p}, the edge of what the law allows, so the curve would explain nothing',
    es: 'el mejor ajuste pone p en {p}, el extremo de lo que permite la ley, así que la curva no explicaría nada',
  },
  amdahlReason_poorFit: {
    en: 'the curve misses the measurements by {error} on average',
    es: 'la curva se aparta de las mediciones un {error} de media',
  },
  wallTitle: { en: 'Wall time: {subject}', es: 'Tiempo total: {subject}' },
  wallExplain: {
    en: 'Median time to finish the whole job; lower is better. The grey dashed line is the serial version, for reference.',
    es: 'Tiempo mediano que tarda en terminar todo el trabajo; cuanto más bajo, mejor. La línea gris discontinua es la versión en serie, como referencia.',
  },
  bestSpeedupTitle: { en: 'Best speedup per workload', es: 'Mejor aceleración por carga de trabajo' },
  bestSpeedupExplain: {
    en: 'For each workload, the highest speedup each strategy reached with any number of workers, and under its name the verdict: a strategy wins only when it is significantly faster. The line is the ceiling: the {cores} the run could use.',
    es: 'Para cada carga de trabajo, la mayor aceleración que alcanzó cada estrategia con cualquier número de trabajadores y, bajo su nombre, el veredicto: una estrategia gana solo cuando es claramente más rápida. La línea es el techo: los {cores} que podía usar la ejecución.',
  },
  winnerTitle: { en: 'Threads ÷ processes, best speedups', es: 'Hilos ÷ procesos, mejores aceleraciones' },
  winnerExplain: {
    en: 'Each bar is the best speedup with threads divided by the best speedup with processes, drawn from the line at 1. Above it threads were faster, below it processes were; when the interval crosses the line the difference is within noise and the label says tie.',
    es: 'Cada barra es la mejor aceleración con hilos dividida entre la mejor con procesos, dibujada desde la línea del 1. Por encima, los hilos fueron más rápidos; por debajo, lo fueron los procesos; cuando el intervalo cruza la línea, la diferencia está dentro del ruido y la etiqueta dice empate.',
  },
  costTitle: { en: '{metric} by strategy', es: '{metric} según la estrategia' },
  spawnExplain: {
    en: 'How long it takes to start one worker and get its first answer; lower is better. A process starts a whole new Node.js runtime, a thread reuses the running one.',
    es: 'Cuánto se tarda en arrancar un trabajador y recibir su primera respuesta; cuanto menos, mejor. Un proceso arranca un entorno de Node.js completamente nuevo; un hilo reutiliza el que ya está en marcha.',
  },
  memoryExplain: {
    en: 'Extra memory (resident set size) each worker adds; lower is better. Every process carries its own copy of the runtime.',
    es: 'Memoria adicional (tamaño del conjunto residente) que añade cada trabajador; cuanto menos, mejor. Cada proceso lleva su propia copia del entorno de ejecución.',
  },
  latencyExplain: {
    en: 'Time for a message to go to the other side and come back; lower is better. Between processes the message is serialized and sent through the operating system; between threads it stays in memory.',
    es: 'Tiempo que tarda un mensaje en llegar al otro lado y volver; cuanto menos, mejor. Entre procesos, el mensaje se serializa y pasa por el sistema operativo; entre hilos, se queda en la memoria.',
  },
  throughputExplain: {
    en: 'How much gets through per second when sending as fast as possible; higher is better.',
    es: 'Cuánto pasa por segundo cuando se envía lo más rápido posible; cuanto más, mejor.',
  },
  logScaleNote: {
    en: 'The vertical axis is logarithmic because the values differ by more than 50 times: each grid line is 10 times the one below.',
    es: 'El eje vertical es logarítmico porque los valores se diferencian en más de 50 veces: cada línea de la cuadrícula vale 10 veces la de debajo.',
  },
  peersTitle: { en: 'Pool libraries: {subject}, {metric}', es: 'Bibliotecas de pools: {subject}, {metric}' },
  peersTitleAt: { en: 'Pool libraries: {subject}, {metric}, {workers}', es: 'Bibliotecas de pools: {subject}, {metric}, {workers}' },
  peersExplain: {
    en: 'The same job through each library, one bar per library and strategy; {better}.',
    es: 'La misma tarea con cada biblioteca, una barra por biblioteca y estrategia; {better}.',
  },
  peersParlabTwice: { en: 'parlab appears once per strategy.', es: 'parlab aparece una vez por estrategia.' },
  peersWorkersNote: {
    en: 'Paler bars are runs with fewer workers.',
    es: 'Las barras más claras son ejecuciones con menos trabajadores.',
  },
  ceilingNote: { en: 'The line is the ceiling: the {cores} the run could use.', es: 'La línea es el techo: los {cores} que podía usar la ejecución.' },
  betterHigher: { en: 'higher is better', es: 'cuanto más, mejor' },
  betterLower: { en: 'lower is better', es: 'cuanto menos, mejor' },
  pythonTitle: { en: 'Python vs Node: {subject}', es: 'Python frente a Node: {subject}' },
  pythonExplain: {
    en: 'Speedup of each language and strategy over its own serial time. Python threads stay near 1 because of the GIL: only one thread runs Python code at a time. Python processes and both Node strategies can really use several cores.',
    es: 'Aceleración de cada lenguaje y estrategia respecto a su propio tiempo en serie. Los hilos de Python se quedan cerca de 1 por culpa del GIL: solo un hilo ejecuta código Python a la vez. Los procesos de Python y las dos estrategias de Node sí pueden aprovechar varios núcleos.',
  },
  otherTitle: { en: '{suite}: {metric}', es: '{suite}: {metric}' },
  otherExplain: {
    en: 'Measurements of this group that no other chart shows, one bar per subject and strategy; {better}.',
    es: 'Mediciones de este grupo que no muestra ningún otro gráfico, una barra por prueba y estrategia; {better}.',
  },
  hostTitle: { en: 'Host speed through the run', es: 'Velocidad del equipo durante la medición' },
  hostExplain: {
    en: 'The reference loop\'s speed relative to the start of the run: 1 is as fast as at the start, {slow} means the loop took {longer} longer. Outside the shaded band the host drifted, and points measured then are flagged.',
    es: 'La velocidad del bucle de referencia respecto al inicio de la medición: 1 es tan rápido como al inicio; {slow} significa que el bucle tardó un {longer} más. Fuera de la banda sombreada el equipo cambió de velocidad, y los puntos medidos entonces quedan marcados.',
  },

  // Host
  hostReference: { en: 'Reference loop at the start', es: 'Bucle de referencia al inicio' },
  hostIndex: { en: 'Speed index: median (min – max)', es: 'Índice de velocidad: mediana (mín. – máx.)' },
  hostLoadStart: { en: 'Load average at the start (1, 5, 15 min)', es: 'Carga media al inicio (1, 5, 15 min)' },
  hostLoadEnd: { en: 'Load average at the end (1, 5, 15 min)', es: 'Carga media al final (1, 5, 15 min)' },
  hostBusy: { en: 'CPU used by other programs (start, end)', es: 'CPU usada por otros programas (inicio, final)' },
  hostSteal: { en: 'CPU taken by the hypervisor, steal (start, end)', es: 'CPU que se llevó el hipervisor (inicio, final)' },
  unknown: { en: 'unknown', es: 'desconocido' },
  notRecorded: { en: 'not recorded (the run was interrupted)', es: 'sin registrar (la medición se interrumpió)' },
  hostQuiet: { en: 'No warning: the host stayed quiet.', es: 'Ningún aviso: el equipo se mantuvo tranquilo.' },
  hostWarnings: { en: 'Warnings', es: 'Avisos' },
  warning_busy: {
    en: 'other programs were keeping the CPUs busy when the run started{value}',
    es: 'otros programas ocupaban las CPU cuando empezó la medición{value}',
  },
  warning_steal: {
    en: 'the hypervisor took CPU time from this machine (steal){value}',
    es: 'el hipervisor le quitó tiempo de CPU a esta máquina{value}',
  },
  warning_unstable: {
    en: "the reference loop's own timings varied at the start{value}",
    es: 'los tiempos del propio bucle de referencia variaron al inicio{value}',
  },
  warning_drift: { en: "the host's speed moved during the run{value}", es: 'la velocidad del equipo cambió durante la medición{value}' },
  warningDriftValue: { en: ' (its speed index reached {x})', es: ' (su índice de velocidad llegó a {x})' },

  sharedMemory: { en: 'Shared memory for processes', es: 'Memoria compartida para procesos' },
  sharedMemoryNative: {
    en: 'native (POSIX shared memory through the addon: processes map the same bytes)',
    es: 'nativa (memoria compartida POSIX mediante el complemento: los procesos ven los mismos bytes)',
  },
  sharedMemoryCoordinator: {
    en: 'coordinator fallback (no addon here: each access to shared data is a system call)',
    es: 'respaldo del coordinador (sin el complemento: cada acceso a los datos compartidos es una llamada al sistema)',
  },
  variantExplain: {
    en: 'The dashed line "{title}" is another way to run the same job, measured as a contender of its own: {description}',
    es: 'La línea discontinua «{title}» es otra forma de hacer el mismo trabajo, medida como un contendiente más: {description}',
  },

  // Metrics
  metric_wall_ms: { en: 'Wall time', es: 'Tiempo total' },
  metric_tasks_per_s: { en: 'Tasks per second', es: 'Tareas por segundo' },
  metric_items_per_s: { en: 'Items per second', es: 'Elementos por segundo' },
  metric_msgs_per_s: { en: 'Messages per second', es: 'Mensajes por segundo' },
  metric_bytes_per_s: { en: 'Bandwidth', es: 'Ancho de banda' },
  metric_round_trip_us: { en: 'Round-trip latency', es: 'Latencia de ida y vuelta' },
  metric_spawn_ms: { en: 'Start-up time per worker', es: 'Tiempo de arranque por trabajador' },
  metric_rss_bytes: { en: 'Memory per worker', es: 'Memoria por trabajador' },
  metric_speedup: { en: 'Speedup', es: 'Aceleración' },

  // Tables
  colSuite: { en: 'Suite', es: 'Grupo' },
  colSubject: { en: 'Subject', es: 'Prueba' },
  colWorkload: { en: 'Workload', es: 'Carga de trabajo' },
  colImplementation: { en: 'Implementation', es: 'Implementación' },
  colStrategy: { en: 'Strategy', es: 'Estrategia' },
  colWorkers: { en: 'Workers', es: 'Trabajadores' },
  colMetric: { en: 'Metric', es: 'Métrica' },
  colN: { en: 'n', es: 'n' },
  colMedian: { en: 'Median', es: 'Mediana' },
  colInterval: { en: '95% interval', es: 'Intervalo del 95 %' },
  colPrecision: { en: 'Precision', es: 'Precisión' },
  colOutliers: { en: 'Outliers', es: 'Atípicos' },
  colFlags: { en: 'Flags', es: 'Marcas' },
  colStatus: { en: 'Status', es: 'Estado' },
  colSerial: { en: 'Serial time', es: 'Tiempo en serie' },
  colBestProcess: { en: 'Best with processes', es: 'Mejor con procesos' },
  colBestThread: { en: 'Best with threads', es: 'Mejor con hilos' },
  colThreadOverProcess: { en: 'Threads ÷ processes', es: 'Hilos ÷ procesos' },
  colVerdict: { en: 'Verdict', es: 'Veredicto' },
  atWorkers: { en: '{value} with {workers}', es: '{value} con {workers}' },
  intervalLevel: { en: '{interval} (covers only {level})', es: '{interval} (cubre solo el {level})' },
  status_ok: { en: 'measured', es: 'medido' },
  status_failed: { en: 'failed', es: 'falló' },
  status_skipped: { en: 'skipped', es: 'omitido' },
  rawMessage: { en: '{status}: {message}', es: '{status}; mensaje de la herramienta, en inglés: {message}' },
  reason_noMap: { en: '{implementation} has no `map()`', es: '{implementation} no tiene `map()`' },
  reason_interrupted: { en: 'interrupted before it was measured', es: 'se interrumpió antes de medirse' },
  reason_noSample: { en: 'no sample was taken', es: 'no se tomó ninguna muestra' },
  reason_noPython: {
    en: 'python3 was not found on the PATH; install Python 3 to compare with it',
    es: 'no se encontró python3 en el PATH; instala Python 3 para comparar con él',
  },
  suite_workloads: { en: 'Workloads', es: 'Cargas de trabajo' },
  suite_primitives: { en: 'Primitives', es: 'Primitivas' },
  suite_peers: { en: 'Peer libraries', es: 'Otras bibliotecas' },
  suite_python: { en: 'Python', es: 'Python' },

  // Options
  opt_profile: { en: 'Profile', es: 'Perfil' },
  opt_suites: { en: 'Suites', es: 'Grupos' },
  opt_workloads: { en: 'Workloads', es: 'Cargas de trabajo' },
  opt_strategies: { en: 'Strategies', es: 'Estrategias' },
  opt_workers: { en: 'Worker counts', es: 'Números de trabajadores' },
  opt_lang: { en: 'Language', es: 'Idioma' },
  opt_environment: { en: 'Environment', es: 'Entorno' },
  opt_biases: { en: 'Settings that bias the comparison', es: 'Ajustes que sesgan la comparación' },
  opt_durationMs: { en: 'Duration', es: 'Duración' },
  opt_interrupted: { en: 'Interrupted', es: 'Interrumpida' },
  opt_samplesPerPoint: { en: 'Samples per point', es: 'Muestras por punto' },
  opt_sizes: { en: 'Sizes', es: 'Tamaños' },
  profile_quick: { en: 'quick', es: 'rápido' },
  profile_full: { en: 'full', es: 'completo' },
  profile_test: { en: 'test', es: 'de prueba' },
  lang_en: { en: 'English', es: 'inglés' },
  lang_es: { en: 'Spanish', es: 'español' },
  yes: { en: 'yes', es: 'sí' },
  no: { en: 'no', es: 'no' },
  none: { en: 'none', es: 'ninguno' },
  biasEffect: { en: '{setting}: {effect}', es: '{setting}: {effect}' },
  biasRaw: { en: '{setting}: {effect}', es: '{setting} (efecto descrito por la herramienta, en inglés: {effect})' },

  // Comparison
  compareIntro: {
    en: 'Run A is on the left, run B on the right. The table at the end gives each change B / A with its 95% interval; "~" means the change is within noise (the interval holds 1), as benchstat prints it.',
    es: 'La ejecución A está a la izquierda y la B a la derecha. La tabla del final da cada cambio B / A con su intervalo del 95 %; «~» significa que el cambio está dentro del ruido (el intervalo contiene el 1), como lo escribe benchstat.',
  },
  runA: { en: 'Run A', es: 'Ejecución A' },
  runB: { en: 'Run B', es: 'Ejecución B' },
  notInRun: { en: 'Not in this run.', es: 'No está en esta ejecución.' },
  runsDiffer: { en: 'These runs are not like for like', es: 'Estas ejecuciones no se pueden comparar sin más' },
  diff_profile: {
    en: 'they used different profiles ({a} against {b}), so the jobs had different sizes: absolute figures cannot be compared',
    es: 'usaron perfiles distintos ({a} frente a {b}), así que las tareas tenían tamaños distintos: las cifras absolutas no se pueden comparar',
  },
  diff_options: { en: 'their options differ: {keys}', es: 'sus opciones son distintas: {keys}' },
  diff_machine: { en: 'they ran on different machines ({a} against {b})', es: 'se ejecutaron en máquinas distintas ({a} frente a {b})' },
  diff_node: { en: 'they ran on different Node.js versions ({a} against {b})', es: 'usaron versiones distintas de Node.js ({a} frente a {b})' },
  diff_python: { en: 'they ran on different Python versions ({a} against {b})', es: 'usaron versiones distintas de Python ({a} frente a {b})' },
  machineSummary: { en: '{cpu}, {cores}', es: '{cpu}, {cores}' },
  ratiosTitle: { en: 'Changes B / A of matching points', es: 'Cambios B / A de las mediciones comunes' },
  ratiosIntro: {
    en: 'A change of 2 means B\'s median is twice A\'s. Times and ratios of samples are compared by a bootstrap of the two sets of samples; speedups and other ratios by their two intervals. Whether a change is good depends on the metric: the last column says which, or "~" when it is within noise.',
    es: 'Un cambio de 2 significa que la mediana de B es el doble que la de A. Los tiempos se comparan con un remuestreo (bootstrap) de los dos conjuntos de muestras; las aceleraciones y demás razones, por sus dos intervalos. Que un cambio sea bueno depende de la métrica: la última columna lo indica, o pone «~» cuando está dentro del ruido.',
  },
  colChange: { en: 'B / A', es: 'B / A' },
  colChangeVerdict: { en: 'B is', es: 'B es' },
  verdictBetter: { en: 'better', es: 'mejor' },
  verdictWorse: { en: 'worse', es: 'peor' },
  verdictSame: { en: '~', es: '~' },
  noMatches: { en: 'The two runs have no measurements in common.', es: 'Las dos ejecuciones no tienen mediciones en común.' },
  reproTitle: { en: 'Reproducibility', es: 'Reproducibilidad' },
  reproRatios: {
    en: 'Ratio points (speedups, and parlab against a peer, raw code or Python at the same subject, strategy and workers): {overlapping} of {total} ({share}) have intervals that overlap between the two runs; {kinds}.',
    es: 'Puntos de razón (aceleraciones, y parlab frente a otra biblioteca, código raw o Python con la misma prueba, estrategia y trabajadores): {overlapping} de {total} ({share}) tienen intervalos que se solapan entre las dos ejecuciones; {kinds}.',
  },
  reproKind: { en: '{kind} {overlapping} of {total}', es: '{kind}: {overlapping} de {total}' },
  kind_speedup: { en: 'speedups', es: 'aceleraciones' },
  kind_peer: { en: 'against peers', es: 'frente a otras bibliotecas' },
  kind_raw: { en: 'against raw', es: 'frente a raw' },
  kind_python: { en: 'against Python', es: 'frente a Python' },
  reproWallNormalised: {
    en: "Wall times divided by each run's host speed (its reference loop time over its median speed index): {overlapping} of {total} ({share}) overlap; as measured, {rawOverlapping} ({rawShare}).",
    es: 'Tiempos totales divididos por la velocidad del equipo de cada ejecución (su tiempo del bucle de referencia entre su índice de velocidad mediano): {overlapping} de {total} ({share}) se solapan; tal como se midieron, {rawOverlapping} ({rawShare}).',
  },
  reproWallRaw: {
    en: 'Wall times as measured (a run has no host record to normalise by): {overlapping} of {total} ({share}) overlap.',
    es: 'Tiempos totales tal como se midieron (una ejecución no tiene registro del equipo con el que normalizar): {overlapping} de {total} ({share}) se solapan.',
  },
  reproVerdicts: {
    en: 'Verdicts: the runs agree on {agreeing} of {compared} workloads where both call a significant winner.',
    es: 'Veredictos: las ejecuciones coinciden en {agreeing} de {compared} cargas de trabajo en las que ambas declaran un ganador claro.',
  },
  reproDisagree: { en: 'They disagree on {subjects}.', es: 'No coinciden en {subjects}.' },
  reproLine: {
    en: 'reproducibility: {share} of {total} ratio points overlap ({kinds}); wall times{normalised} {wallShare} of {wallTotal}; verdicts agree on {agreeing} of {compared} workloads{disagree}',
    es: 'reproducibilidad: se solapan el {share} de {total} puntos de razón ({kinds}); tiempos totales{normalised} {wallShare} de {wallTotal}; los veredictos coinciden en {agreeing} de {compared} cargas{disagree}',
  },
  reproLineNormalised: { en: ' over host speed', es: ' entre la velocidad del equipo' },
  reproLineDisagree: { en: ' (not on {subjects})', es: ' (no en {subjects})' },
  reproNone: { en: 'The runs share no ratio point.', es: 'Las ejecuciones no comparten ningún punto de razón.' },
  reproApartTitle: { en: 'Ratio points whose intervals do not overlap', es: 'Puntos de razón cuyos intervalos no se solapan' },
  colKind: { en: 'Kind', es: 'Tipo' },
  colPoint: { en: 'Point', es: 'Punto' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

/** Keys that come in plural forms (`<base>_one`, `<base>_other`). */
export type CountKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

/**
 * The message `key` in `lang`, with `{name}` placeholders filled from `vars`. Values are strings
 * on purpose: a number must go through the formatter before it reaches a sentence.
 */
export function t(lang: Lang, key: MessageKey, vars: Readonly<Record<string, string>> = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** A message in the plural form `count` takes in `lang` (Intl.PluralRules); `{n}` is the formatted count. */
export function tCount(lang: Lang, key: CountKey, count: number, vars: Readonly<Record<string, string>> = {}): string {
  const form = `${key}_${pluralOf(lang, count)}`;
  const chosen = (form in messages ? form : `${key}_other`) as MessageKey;
  return t(lang, chosen, { n: formatInteger(lang, count), ...vars });
}

/** Human name of a metric. */
export function metricName(lang: Lang, metric: Metric): string {
  return t(lang, `metric_${metric}`);
}

/** Human name of a strategy ("Processes", "Hilos"…). */
export function strategyName(lang: Lang, strategy: Strategy): string {
  return t(lang, strategy);
}

/** The word for a flag. */
export function flagName(lang: Lang, flag: PointFlag): string {
  return t(lang, `flag_${flag}`);
}
